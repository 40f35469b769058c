package org.sec.lang;

import org.eclipse.xtext.conversion.IValueConverterService;
import org.sec.lang.conversion.SecValueConverters;

/** Guice bindings of the SEC language that hold outside Eclipse too. */
public class SecRuntimeModule extends AbstractSecRuntimeModule {

	@Override
	public Class<? extends IValueConverterService> bindIValueConverterService() {
		return SecValueConverters.class;
	}
}
