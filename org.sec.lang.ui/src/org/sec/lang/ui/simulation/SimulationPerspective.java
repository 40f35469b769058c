package org.sec.lang.ui.simulation;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** SEC Simulation: the rules in the editor, the replay control above, operations, contexts and trace below. */
public final class SimulationPerspective implements IPerspectiveFactory {

	public static final String ID = "org.sec.lang.ui.simulationPerspective";

	@Override
	public void createInitialLayout(IPageLayout layout) {
		String editor = layout.getEditorArea();
		layout.addView(IPageLayout.ID_PROJECT_EXPLORER, IPageLayout.LEFT, 0.2f, editor);
		layout.addView(ReplayControlView.ID, IPageLayout.TOP, 0.18f, editor);
		IFolderLayout bottom = layout.createFolder("org.sec.lang.ui.simulation.bottom", IPageLayout.BOTTOM, 0.5f,
				editor);
		bottom.addView(OperationsView.ID);
		bottom.addView(TraceView.ID);
		bottom.addView(TimelineView.ID);
		IFolderLayout right = layout.createFolder("org.sec.lang.ui.simulation.right", IPageLayout.RIGHT, 0.55f,
				OperationsView.ID);
		right.addView(ContextsView.ID);
		// the debugger's views, as a Java developer finds them
		right.addView(org.eclipse.debug.ui.IDebugUIConstants.ID_VARIABLE_VIEW);
		right.addView(org.eclipse.debug.ui.IDebugUIConstants.ID_BREAKPOINT_VIEW);
		layout.addView(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_VIEW, IPageLayout.RIGHT, 0.6f,
				ReplayControlView.ID);
		layout.addShowViewShortcut(ReplayControlView.ID);
		layout.addShowViewShortcut(OperationsView.ID);
		layout.addShowViewShortcut(ContextsView.ID);
		layout.addShowViewShortcut(TraceView.ID);
		layout.addShowViewShortcut(TimelineView.ID);
		// the Run menu and the Run/Debug toolbar buttons, as in the Java perspectives
		layout.addActionSet(org.eclipse.debug.ui.IDebugUIConstants.LAUNCH_ACTION_SET);
		layout.addActionSet(org.eclipse.debug.ui.IDebugUIConstants.DEBUG_ACTION_SET);
		layout.addShowViewShortcut(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_VIEW);
		layout.addShowViewShortcut(org.eclipse.debug.ui.IDebugUIConstants.ID_BREAKPOINT_VIEW);
		layout.addPerspectiveShortcut(org.eclipse.debug.ui.IDebugUIConstants.ID_DEBUG_PERSPECTIVE);
	}
}
