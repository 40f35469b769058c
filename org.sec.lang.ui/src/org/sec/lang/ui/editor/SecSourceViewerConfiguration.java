package org.sec.lang.ui.editor;

import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.contentassist.ContentAssistant;
import org.eclipse.jface.text.contentassist.IContentAssistant;
import org.eclipse.jface.text.presentation.IPresentationReconciler;
import org.eclipse.jface.text.presentation.PresentationReconciler;
import org.eclipse.jface.text.source.ISourceViewer;
import org.eclipse.ui.editors.text.EditorsUI;
import org.eclipse.ui.editors.text.TextSourceViewerConfiguration;

/** Wires the ide layer's services into the platform text editor. */
public class SecSourceViewerConfiguration extends TextSourceViewerConfiguration {

	public SecSourceViewerConfiguration() {
		super(EditorsUI.getPreferenceStore());
	}

	@Override
	public IPresentationReconciler getPresentationReconciler(ISourceViewer sourceViewer) {
		PresentationReconciler reconciler = new PresentationReconciler();
		SecPresentationRepairer repairer = new SecPresentationRepairer();
		reconciler.setDamager(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		reconciler.setRepairer(repairer, IDocument.DEFAULT_CONTENT_TYPE);
		return reconciler;
	}

	@Override
	public org.eclipse.jface.text.hyperlink.IHyperlinkDetector[] getHyperlinkDetectors(ISourceViewer sourceViewer) {
		org.eclipse.jface.text.hyperlink.IHyperlinkDetector[] inherited = super.getHyperlinkDetectors(sourceViewer);
		org.eclipse.jface.text.hyperlink.IHyperlinkDetector[] all = new org.eclipse.jface.text.hyperlink.IHyperlinkDetector[(inherited == null ? 0 : inherited.length) + 1];
		all[0] = new SecHyperlinkDetector();
		if (inherited != null) {
			System.arraycopy(inherited, 0, all, 1, inherited.length);
		}
		return all;
	}

	@Override
	public org.eclipse.jface.text.ITextHover getTextHover(ISourceViewer sourceViewer, String contentType) {
		return new SecTextHover();
	}

	/** Toggle comment (Ctrl+/) adds or strips sec's comment character. */
	@Override
	public String[] getDefaultPrefixes(ISourceViewer sourceViewer, String contentType) {
		return new String[] { "#", "" };
	}

	/** Ctrl+1: the quick fixes of the problems on the caret's line. */
	@Override
	public org.eclipse.jface.text.quickassist.IQuickAssistAssistant getQuickAssistAssistant(ISourceViewer sourceViewer) {
		org.eclipse.jface.text.quickassist.QuickAssistAssistant assistant = new org.eclipse.jface.text.quickassist.QuickAssistAssistant();
		assistant.setQuickAssistProcessor(new SecQuickAssistProcessor());
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}

	@Override
	public IContentAssistant getContentAssistant(ISourceViewer sourceViewer) {
		ContentAssistant assistant = new ContentAssistant();
		assistant.setContentAssistProcessor(new SecContentAssistProcessor(), IDocument.DEFAULT_CONTENT_TYPE);
		assistant.enableAutoActivation(true);
		assistant.setAutoActivationDelay(200);
		assistant.setInformationControlCreator(getInformationControlCreator(sourceViewer));
		return assistant;
	}
}
