package org.sec.lang.ui.simulation;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.resources.IContainer;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IResource;
import org.eclipse.core.runtime.Adapters;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.debug.core.DebugPlugin;
import org.eclipse.debug.core.ILaunchConfiguration;
import org.eclipse.debug.core.ILaunchConfigurationWorkingCopy;
import org.eclipse.debug.core.ILaunchManager;
import org.eclipse.debug.ui.DebugUITools;
import org.eclipse.debug.ui.ILaunchShortcut;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ISelection;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.PlatformUI;

/**
 * Run As / Debug As > SEC Replay on a rule file, a log or a scenario: reuses the SEC Replay
 * configuration that names the file, or makes one with the rule files and the log or
 * scenario of the same folder, then launches it as Eclipse users launch a Java program.
 */
public final class ReplayLaunchShortcut implements ILaunchShortcut {

	@Override
	public void launch(ISelection selection, String mode) {
		if (selection instanceof IStructuredSelection s && !s.isEmpty()) {
			IFile file = Adapters.adapt(s.getFirstElement(), IFile.class);
			if (file != null) {
				launch(file, mode);
			}
		}
	}

	@Override
	public void launch(IEditorPart editor, String mode) {
		IFile file = Adapters.adapt(editor.getEditorInput(), IFile.class);
		if (file != null) {
			launch(file, mode);
		}
	}

	private static void launch(IFile file, String mode) {
		try {
			ILaunchConfiguration config = configurationFor(file);
			if (config == null) {
				MessageDialog.openInformation(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(),
						"SEC Replay", "No rule file and log (or .scn scenario) side by side in " + file.getParent()
								.getFullPath().makeRelative() + ". Put the log beside the rules, or make a SEC Replay"
								+ " configuration in Run > Run Configurations.");
				return;
			}
			DebugUITools.launch(config, mode);
		} catch (CoreException e) {
			MessageDialog.openError(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), "SEC Replay",
					e.getMessage());
		}
	}

	/** The configuration that replays {@code file}: an existing one that names it, else a new one; null if none fits. */
	public static ILaunchConfiguration configurationFor(IFile file) throws CoreException {
		ILaunchManager manager = DebugPlugin.getDefault().getLaunchManager();
		String path = file.getFullPath().toString();
		for (ILaunchConfiguration c : manager.getLaunchConfigurations(manager.getLaunchConfigurationType(ReplayLaunch.TYPE))) {
			if (List.of(c.getAttribute(ReplayLaunch.ATTR_RULES, "").split("[,\\n]")).contains(path)
					|| c.getAttribute(ReplayLaunch.ATTR_LOG, "").equals(path)
					|| c.getAttribute(ReplayLaunch.ATTR_SCENARIO, "").equals(path)) {
				return c;
			}
		}
		IContainer folder = file.getParent();
		List<String> rules = new ArrayList<>();
		String log = null;
		boolean scenario = false;
		if (org.sec.lang.ui.resources.SecBuilder.hasRuleExtension(file)) {
			rules.add(path);
		}
		for (IResource r : folder.members()) {
			if (!(r instanceof IFile f) || f.getFileExtension() == null) {
				continue;
			}
			if (org.sec.lang.ui.resources.SecBuilder.hasRuleExtension(f) && !org.sec.lang.ui.resources.SecBuilder.hasRuleExtension(file)) {
				rules.add(f.getFullPath().toString());
			}
			boolean isScenario = f.getFileExtension().equals("scn");
			boolean isLog = f.getFileExtension().equals("log");
			if ((isLog || isScenario) && (log == null || f.equals(file))) {
				log = f.getFullPath().toString();
				scenario = isScenario;
			}
		}
		if (rules.isEmpty() || log == null) {
			return null;
		}
		ILaunchConfigurationWorkingCopy c = manager.getLaunchConfigurationType(ReplayLaunch.TYPE).newInstance(null,
				manager.generateLaunchConfigurationName(file.getName() + " replay"));
		c.setAttribute(ReplayLaunch.ATTR_RULES, String.join(",", rules));
		c.setAttribute(scenario ? ReplayLaunch.ATTR_SCENARIO : ReplayLaunch.ATTR_LOG, log);
		c.setAttribute(ReplayLaunch.ATTR_TIMESTAMPS, "auto");
		c.setAttribute(ReplayLaunch.ATTR_SPEED, "max");
		return c.doSave();
	}
}
