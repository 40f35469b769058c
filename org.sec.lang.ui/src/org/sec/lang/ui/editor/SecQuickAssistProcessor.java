package org.sec.lang.ui.editor;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

import org.eclipse.core.resources.IMarker;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ICompletionProposal;
import org.eclipse.jface.text.contentassist.IContextInformation;
import org.eclipse.jface.text.quickassist.IQuickAssistInvocationContext;
import org.eclipse.jface.text.quickassist.IQuickAssistProcessor;
import org.eclipse.jface.text.source.Annotation;
import org.eclipse.jface.text.source.IAnnotationModel;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.ide.IDE;
import org.eclipse.ui.texteditor.MarkerAnnotation;

/**
 * Ctrl+1 in the SEC editor: the quick fixes of the problems on the caret's line (the
 * marker resolutions of {@code SecQuickFixes}, as the Problems view offers them), each
 * applied to the file's buffer so the editor shows the change at once.
 */
public final class SecQuickAssistProcessor implements IQuickAssistProcessor {

	@Override
	public String getErrorMessage() {
		return null;
	}

	@Override
	public boolean canFix(Annotation annotation) {
		return annotation instanceof MarkerAnnotation m && IDE.getMarkerHelpRegistry().hasResolutions(m.getMarker());
	}

	@Override
	public boolean canAssist(IQuickAssistInvocationContext context) {
		return false;
	}

	@Override
	public ICompletionProposal[] computeQuickAssistProposals(IQuickAssistInvocationContext context) {
		ISourceViewer viewer = context.getSourceViewer();
		IAnnotationModel model = viewer.getAnnotationModel();
		if (model == null) {
			return new ICompletionProposal[0];
		}
		int line;
		try {
			line = viewer.getDocument().getLineOfOffset(context.getOffset());
		} catch (BadLocationException e) {
			return new ICompletionProposal[0];
		}
		List<ICompletionProposal> proposals = new ArrayList<>();
		for (Iterator<Annotation> it = model.getAnnotationIterator(); it.hasNext();) {
			if (!(it.next() instanceof MarkerAnnotation annotation) || annotation.isMarkedDeleted()) {
				continue;
			}
			IMarker marker = annotation.getMarker();
			if (!marker.exists() || marker.getAttribute(IMarker.LINE_NUMBER, -1) != line + 1) {
				continue;
			}
			for (IMarkerResolution resolution : IDE.getMarkerHelpRegistry().getResolutions(marker)) {
				proposals.add(new Fix(resolution, marker));
			}
		}
		return proposals.toArray(ICompletionProposal[]::new);
	}

	/** One marker resolution as a proposal in the Ctrl+1 list. */
	private record Fix(IMarkerResolution resolution, IMarker marker) implements ICompletionProposal {

		@Override
		public void apply(IDocument document) {
			resolution.run(marker);
		}

		@Override
		public Point getSelection(IDocument document) {
			return null;
		}

		@Override
		public String getAdditionalProposalInfo() {
			return marker.getAttribute(IMarker.MESSAGE, "");
		}

		@Override
		public String getDisplayString() {
			return resolution.getLabel();
		}

		@Override
		public Image getImage() {
			return null;
		}

		@Override
		public IContextInformation getContextInformation() {
			return null;
		}
	}
}
