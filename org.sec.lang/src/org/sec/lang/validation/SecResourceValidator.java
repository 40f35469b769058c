package org.sec.lang.validation;

import org.eclipse.emf.ecore.resource.Resource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.ResourceValidatorImpl;

/**
 * Xtext's resource validator without the walk that resolves cross-references before
 * validating: Sec.xtext has none, and the walk over every object was 5% of a check of the
 * 5,000-rule file (scripts/bench-check.sh, JFR).
 */
public class SecResourceValidator extends ResourceValidatorImpl {

	@Override
	protected void resolveProxies(Resource resource, CancelIndicator monitor) {
		// no cross-references, no proxies
	}
}
