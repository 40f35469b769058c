package org.sec.lang.ui.preferences;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.jface.preference.IPreferenceStore;
import org.eclipse.ui.preferences.ScopedPreferenceStore;

/** The SEC Workbench preferences: where a real sec is, and how replays read timestamps by default. */
public final class SecPreferences {

	public static final String SEC_PATH = "secPath";
	public static final String TIMESTAMPS = "timestamps";
	private static ScopedPreferenceStore store;

	private SecPreferences() {
	}

	public static synchronized IPreferenceStore store() {
		if (store == null) {
			store = new ScopedPreferenceStore(InstanceScope.INSTANCE, "org.sec.lang.ui");
			store.setDefault(SEC_PATH, "sec");
			store.setDefault(TIMESTAMPS, "auto");
		}
		return store;
	}
}
