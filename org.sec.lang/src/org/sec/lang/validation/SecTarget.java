package org.sec.lang.validation;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.sec.engine.api.SecVersion;

/**
 * The sec release a rule file is checked against, carried by its resource set: {@code
 * secwb check --sec-version} and the Eclipse project preference put it there; without it
 * the default target holds (the newest sec on the PATH, else 2.9.4).
 */
public final class SecTarget {

	/** The resource-set load option that holds the {@link SecVersion}. */
	public static final String OPTION = "org.sec.lang.secVersion";

	private SecTarget() {
	}

	public static SecVersion of(Resource resource) {
		ResourceSet set = resource == null ? null : resource.getResourceSet();
		Object v = set == null ? null : set.getLoadOptions().get(OPTION);
		return v instanceof SecVersion version ? version : SecVersion.target();
	}

	/** Checks {@code resource} (and the others of its set) against {@code version}. */
	public static void set(Resource resource, SecVersion version) {
		resource.getResourceSet().getLoadOptions().put(OPTION, version);
	}
}
