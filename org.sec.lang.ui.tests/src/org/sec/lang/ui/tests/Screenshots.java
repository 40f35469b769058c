package org.sec.lang.ui.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what the workbench window shows, so a person can look at what a test saw. */
final class Screenshots {

	private Screenshots() {
	}

	static Path save(Shell shell, String name) throws Exception {
		Display display = shell.getDisplay();
		flush(display);
		Path dir = Paths.get(System.getProperty("sec.screenshot.dir", "target/screenshots"));
		Files.createDirectories(dir);
		Path file = dir.resolve(name + ".png");
		Point size = shell.getSize();
		Image image = new Image(display, size.x, size.y);
		GC gc = new GC(display);
		try {
			Point origin = shell.getLocation();
			gc.copyArea(image, origin.x, origin.y);
			ImageLoader loader = new ImageLoader();
			loader.data = new ImageData[] { image.getImageData() };
			loader.save(file.toString(), SWT.IMAGE_PNG);
		} finally {
			gc.dispose();
			image.dispose();
		}
		return file;
	}

	static void flush(Display display) {
		long end = System.currentTimeMillis() + 500;
		while (System.currentTimeMillis() < end) {
			while (display.readAndDispatch()) {
				// run pending UI work
			}
			try {
				Thread.sleep(20);
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}
}
