package org.sec.lang.ui.editor;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;

/** Ctrl+click on the label of {@code continue=GoTo label} jumps to its {@code label=} line. */
public final class SecHyperlinkDetector implements IHyperlinkDetector {

	private static final Pattern GOTO = Pattern.compile("^continue\\d*=\\s*GoTo\\s+(\\S+)\\s*$", Pattern.CASE_INSENSITIVE);

	@Override
	public IHyperlink[] detectHyperlinks(ITextViewer viewer, IRegion region, boolean canShowMultiple) {
		try {
			return detect(viewer, viewer.getDocument(), region.getOffset());
		} catch (BadLocationException e) {
			return null;
		}
	}

	/** The link at {@code offset}, or null; public so that tests can ask without a mouse. */
	public static IHyperlink[] detect(ITextViewer viewer, IDocument doc, int offset) throws BadLocationException {
		IRegion line = doc.getLineInformationOfOffset(offset);
		String text = doc.get(line.getOffset(), line.getLength());
		Matcher m = GOTO.matcher(text);
		if (!m.matches() || offset - line.getOffset() < m.start(1)) {
			return null;
		}
		Matcher label = Pattern.compile("(?m)^label=" + Pattern.quote(m.group(1)) + "\\s*$").matcher(doc.get());
		if (!label.find()) {
			return null;
		}
		IRegion link = new Region(line.getOffset() + m.start(1), m.group(1).length());
		int target = label.start();
		int targetLength = label.end() - label.start();
		return new IHyperlink[] { new IHyperlink() {
			@Override
			public IRegion getHyperlinkRegion() {
				return link;
			}

			@Override
			public String getTypeLabel() {
				return "Go to label";
			}

			@Override
			public String getHyperlinkText() {
				return "Go to label=" + m.group(1);
			}

			@Override
			public void open() {
				viewer.setSelectedRange(target, targetLength);
				viewer.revealRange(target, targetLength);
			}
		} };
	}
}
