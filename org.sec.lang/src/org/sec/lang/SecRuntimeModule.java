package org.sec.lang;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.eclipse.xtext.linking.ILinker;
import org.eclipse.xtext.validation.CompositeEValidator;
import org.eclipse.xtext.validation.IResourceValidator;
import org.sec.lang.linking.NoCrossReferencesLinker;
import org.sec.lang.conversion.SecValueConverters;
import org.sec.lang.validation.SecResourceValidator;

import com.google.inject.Binder;
import com.google.inject.name.Names;

/** Guice bindings of the SEC language that hold outside Eclipse too. */
public class SecRuntimeModule extends AbstractSecRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return SecValueConverters.class;
	}

	@Override
	public Class<? extends ILinker> bindILinker() {
		return NoCrossReferencesLinker.class;
	}

	public Class<? extends IResourceValidator> bindIResourceValidator() {
		return SecResourceValidator.class;
	}

	/**
	 * EMF's generic constraints (multiplicities, proxies) add nothing to a parsed rule file:
	 * the parser reports what is missing. They were 5% of a 5,000-rule check.
	 */
	public void configureUseEObjectValidator(Binder binder) {
		binder.bindConstant().annotatedWith(Names.named(CompositeEValidator.USE_EOBJECT_VALIDATOR)).to(false);
	}
}
