package org.sec.lang.ui.resources;

import java.util.Arrays;

import org.eclipse.core.resources.IFile;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.content.IContentType;
import org.eclipse.ui.IEditorDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IFileEditorInput;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.ide.IEditorAssociationOverride;
import org.sec.lang.ui.editor.SecEditor;

/** Opens every *.conf file of a project with the SEC nature in the SEC editor. */
public class SecNatureEditorAssociation implements IEditorAssociationOverride {

	@Override
	public IEditorDescriptor[] overrideEditors(IEditorInput editorInput, IContentType contentType,
			IEditorDescriptor[] editorDescriptors) {
		IEditorDescriptor sec = secEditorFor(editorInput);
		if (sec == null || Arrays.stream(editorDescriptors).anyMatch(d -> d.getId().equals(SecEditor.ID))) {
			return editorDescriptors;
		}
		IEditorDescriptor[] result = Arrays.copyOf(editorDescriptors, editorDescriptors.length + 1);
		result[editorDescriptors.length] = sec;
		return result;
	}

	@Override
	public IEditorDescriptor[] overrideEditors(String fileName, IContentType contentType,
			IEditorDescriptor[] editorDescriptors) {
		return editorDescriptors;
	}

	@Override
	public IEditorDescriptor overrideDefaultEditor(IEditorInput editorInput, IContentType contentType,
			IEditorDescriptor editorDescriptor) {
		IEditorDescriptor sec = secEditorFor(editorInput);
		return sec != null ? sec : editorDescriptor;
	}

	@Override
	public IEditorDescriptor overrideDefaultEditor(String fileName, IContentType contentType,
			IEditorDescriptor editorDescriptor) {
		return editorDescriptor;
	}

	private static IEditorDescriptor secEditorFor(IEditorInput input) {
		if (!(input instanceof IFileEditorInput fileInput)) {
			return null;
		}
		IFile file = fileInput.getFile();
		if (!"conf".equals(file.getFileExtension())) {
			return null;
		}
		try {
			if (!file.getProject().isOpen() || !file.getProject().hasNature(SecNature.ID)) {
				return null;
			}
		} catch (CoreException e) {
			return null;
		}
		return PlatformUI.getWorkbench().getEditorRegistry().findEditor(SecEditor.ID);
	}
}
