package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.ITextViewer;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.ICompletionProposalExtension2;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.link.LinkedModeModel;
import org.eclipse.jface.text.link.LinkedModeUI;
import org.eclipse.jface.text.link.LinkedPosition;
import org.eclipse.jface.text.link.LinkedPositionGroup;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;

/**
 * A rule template whose values are placeholders: after it is inserted, Tab and Shift+Tab
 * move from one value to the next (the first is selected), Enter or Esc leaves, as
 * Eclipse's Java templates do. Each line "keyword=value" makes one placeholder.
 */
final class PlaceholderProposal implements ICompletionProposal, ICompletionProposalExtension2 {

	private final String text;
	private final int offset;
	private final int replaced;
	private final String display;
	private Point selection;

	PlaceholderProposal(String text, int offset, int replaced, String display) {
		this.text = text;
		this.offset = offset;
		this.replaced = replaced;
		this.display = display;
		this.selection = new Point(offset + text.length(), 0);
	}

	/** Where the values are in the inserted text: {start, length} pairs, relative to it. */
	List<int[]> placeholders() {
		List<int[]> result = new ArrayList<>();
		int lineStart = 0;
		while (lineStart < text.length()) {
			int lineEnd = text.indexOf('\n', lineStart);
			if (lineEnd < 0) {
				lineEnd = text.length();
			}
			int eq = text.indexOf('=', lineStart);
			if (eq >= 0 && eq < lineEnd && !text.startsWith("type=", lineStart)) {
				result.add(new int[] { eq + 1, lineEnd - eq - 1 });
			}
			lineStart = lineEnd + 1;
		}
		return result;
	}

	@Override
	public void apply(IDocument document) {
		try {
			document.replace(offset, replaced, text);
		} catch (BadLocationException e) {
			return;
		}
		selection = new Point(offset + text.length(), 0);
	}

	@Override
	public void apply(ITextViewer viewer, char trigger, int stateMask, int at) {
		IDocument document = viewer.getDocument();
		apply(document);
		List<int[]> values = placeholders();
		if (values.isEmpty()) {
			return;
		}
		try {
			LinkedModeModel model = new LinkedModeModel();
			for (int[] v : values) {
				LinkedPositionGroup group = new LinkedPositionGroup();
				group.addPosition(new LinkedPosition(document, offset + v[0], v[1]));
				model.addGroup(group);
			}
			model.forceInstall();
			LinkedModeUI ui = new LinkedModeUI(model, viewer);
			ui.setExitPosition(viewer, offset + text.length(), 0, Integer.MAX_VALUE);
			ui.enter();
			selection = new Point(offset + values.get(0)[0], values.get(0)[1]);
		} catch (BadLocationException e) {
			// the text is in; without placeholders the caret goes after it
		}
	}

	@Override
	public Point getSelection(IDocument document) {
		return selection;
	}

	@Override
	public String getAdditionalProposalInfo() {
		return text + "\n(Tab moves from one value to the next)";
	}

	@Override
	public String getDisplayString() {
		return display;
	}

	@Override
	public Image getImage() {
		return null;
	}

	@Override
	public IContextInformation getContextInformation() {
		return null;
	}

	@Override
	public void selected(ITextViewer viewer, boolean smartToggle) {
	}

	@Override
	public void unselected(ITextViewer viewer) {
	}

	@Override
	public boolean validate(IDocument document, int at, org.eclipse.jface.text.DocumentEvent event) {
		return false;
	}
}
