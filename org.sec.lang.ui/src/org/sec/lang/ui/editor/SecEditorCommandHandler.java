package org.sec.lang.ui.editor;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;

/**
 * The SEC editor's own commands: Ctrl+/ {@link SecEditor#toggleComment()}, Ctrl+Shift+F
 * {@link SecEditor#format()}, F3 {@link SecEditor#openDeclaration()}.
 */
public final class SecEditorCommandHandler extends AbstractHandler {

	public static final String TOGGLE_COMMENT = "org.sec.lang.ui.toggleComment";
	public static final String FORMAT = "org.sec.lang.ui.format";
	public static final String OPEN_DECLARATION = "org.sec.lang.ui.openDeclaration";

	@Override
	public Object execute(ExecutionEvent event) {
		if (HandlerUtil.getActivePart(event) instanceof SecEditor editor) {
			switch (event.getCommand().getId()) {
			case TOGGLE_COMMENT -> editor.toggleComment();
			case FORMAT -> editor.format();
			case OPEN_DECLARATION -> editor.openDeclaration();
			default -> {
			}
			}
		}
		return null;
	}
}
