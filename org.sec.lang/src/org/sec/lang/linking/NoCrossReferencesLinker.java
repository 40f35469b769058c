package org.sec.lang.linking;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.xtext.diagnostics.IDiagnosticConsumer;
import org.eclipse.xtext.linking.ILinker;

/**
 * The linker of a grammar without cross-references (Sec.xtext has none: rules, labels and
 * contexts are named by text that the validator and the engine's loader resolve). Xtext's
 * default linker walks the whole model to install proxies that cannot exist; on the
 * 5,000-rule file that walk was 12% of a check (scripts/bench-check.sh, JFR).
 */
public final class NoCrossReferencesLinker implements ILinker {

	@Override
	public void linkModel(EObject model, IDiagnosticConsumer diagnosticsConsumer) {
		// nothing to link
	}
}
