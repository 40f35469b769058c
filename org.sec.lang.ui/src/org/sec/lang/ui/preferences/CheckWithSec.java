package org.sec.lang.ui.preferences;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * Check with sec: runs the real sec (path in the preferences) with --testonly on a rule
 * file and shows its verdict and log, to compare with the editor's markers.
 */
public final class CheckWithSec extends AbstractHandler {

	/** sec's exit code and what it logged (timestamps stripped). */
	public record Verdict(int exitCode, String log) {
	}

	/** Runs {@code sec --conf=FILE --testonly --debug=6 --log=...} in the file's folder. */
	public static Verdict check(String sec, Path file) throws IOException, InterruptedException {
		Path log = Files.createTempFile("sec-testonly", ".log");
		try {
			Process p = new ProcessBuilder(sec, "--conf=" + file.getFileName(), "--testonly", "--debug=6",
					"--log=" + log).directory(file.toAbsolutePath().getParent().toFile()).redirectErrorStream(true)
					.redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			if (!p.waitFor(30, TimeUnit.SECONDS)) {
				p.destroyForcibly();
				throw new IOException(sec + " did not finish in 30 s");
			}
			String text = Files.readString(log, StandardCharsets.ISO_8859_1)
					.replaceAll("(?m)^[A-Z][a-z]{2} [A-Z][a-z]{2} [ 0-9]{2} [0-9:]{8} [0-9]{4}: ", "");
			return new Verdict(p.exitValue(), text);
		} finally {
			Files.deleteIfExists(log);
		}
	}

	@Override
	public Object execute(ExecutionEvent event) {
		if (!(HandlerUtil.getCurrentSelection(event) instanceof IStructuredSelection s)
				|| Adapters.adapt(s.getFirstElement(), IFile.class) == null) {
			return null;
		}
		IFile file = Adapters.adapt(s.getFirstElement(), IFile.class);
		String sec = SecPreferences.store().getString(SecPreferences.SEC_PATH);
		Job.create("Checking " + file.getName() + " with sec", monitor -> {
			String title = "sec --testonly " + file.getName();
			String message;
			try {
				Verdict v = check(sec, file.getLocation().toFile().toPath());
				message = (v.exitCode() == 0 ? "sec accepts the file." : "sec rejects the file (exit " + v.exitCode() + ").")
						+ "\n\n" + String.join("\n", List.of(v.log().split("\n")));
			} catch (IOException e) {
				message = "Cannot run " + sec + ": " + e.getMessage()
						+ "\nInstall sec (apt-get install sec) or set its path in Preferences > SEC Workbench.";
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return Status.CANCEL_STATUS;
			}
			String text = message;
			Display.getDefault().asyncExec(() -> MessageDialog.openInformation(null, title, text));
			return Status.OK_STATUS;
		}).schedule();
		return null;
	}
}
