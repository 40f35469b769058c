package org.sec.lang.ui.editor;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.Region;
import org.eclipse.jface.text.hyperlink.IHyperlink;
import org.eclipse.jface.text.hyperlink.IHyperlinkDetector;
import org.sec.lang.model.ContextCreators;

/**
 * Ctrl+click on the label of {@code continue=GoTo label} jumps to its {@code label=} line;
 * on a context name in a context expression, to the actions that create the context.
 */
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

	private static final Pattern CONTEXT = Pattern.compile("^context\\d*=.*$");
	private static final String OPERATORS = " \t&|!()[]";

	/** The link at {@code offset}, or null; public so that tests can ask without a mouse. */
	public static IHyperlink[] detect(ITextViewer viewer, IDocument doc, int offset) throws BadLocationException {
		IRegion line = doc.getLineInformationOfOffset(offset);
		String text = doc.get(line.getOffset(), line.getLength());
		if (CONTEXT.matcher(text).matches()) {
			return contextCreators(viewer, doc, line, text, offset - line.getOffset());
		}
		Matcher m = GOTO.matcher(text);
		if (!m.matches() || offset - line.getOffset() < m.start(1)) {
			return null;
		}
		Matcher label = Pattern.compile("(?m)^label=" + Pattern.quote(m.group(1)) + "\\s*$").matcher(doc.get());
		if (!label.find()) {
			return null;
		}
		IRegion link = new Region(line.getOffset() + m.start(1), m.group(1).length());
		return new IHyperlink[] { link(viewer, link, "Go to label=" + m.group(1), label.start(),
				label.end() - label.start()) };
	}

	/** A context name in a context expression links to each action that creates the context. */
	private static IHyperlink[] contextCreators(ITextViewer viewer, IDocument doc, IRegion line, String text,
			int column) {
		int eq = text.indexOf('=');
		if (column <= eq || column >= text.length() || OPERATORS.indexOf(text.charAt(column)) >= 0) {
			return null;
		}
		int start = column;
		while (start > eq + 1 && OPERATORS.indexOf(text.charAt(start - 1)) < 0) {
			start--;
		}
		int end = column;
		while (end < text.length() && OPERATORS.indexOf(text.charAt(end)) < 0) {
			end++;
		}
		String name = text.substring(start, end);
		List<ContextCreators.Place> places = ContextCreators.places(doc.get(), name);
		if (places.isEmpty()) {
			return null;
		}
		IRegion region = new Region(line.getOffset() + start, end - start);
		return places.stream().map(p -> link(viewer, region,
				"Go to where " + name + " is created (line " + p.line() + ")", p.offset(), p.length()))
				.toArray(IHyperlink[]::new);
	}

	private static IHyperlink link(ITextViewer viewer, IRegion region, String text, int target, int targetLength) {
		return new IHyperlink() {
			@Override
			public IRegion getHyperlinkRegion() {
				return region;
			}

			@Override
			public String getTypeLabel() {
				return text;
			}

			@Override
			public String getHyperlinkText() {
				return text;
			}

			@Override
			public void open() {
				viewer.setSelectedRange(target, targetLength);
				viewer.revealRange(target, targetLength);
			}
		};
	}
}
