package org.sec.lang.ui.editor;

import org.eclipse.ui.editors.text.TextEditor;

/**
 * A log being replayed, read-only: the debugger opens it to show the line being processed
 * among its neighbours (the replay reads the file; an edit here would not reach it).
 * Open With > Text Editor edits the file.
 */
public final class LogEditor extends TextEditor {

	public static final String ID = "org.sec.lang.ui.logEditor";

	@Override
	public boolean isEditable() {
		return false;
	}

	@Override
	public boolean isEditorInputModifiable() {
		return false;
	}
}
