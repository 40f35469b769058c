package org.sec.lang.ide;

import org.eclipse.xtext.util.Modules2;
import org.sec.lang.SecRuntimeModule;
import org.sec.lang.SecStandaloneSetup;

import com.google.inject.Guice;
import com.google.inject.Injector;

/** Creates the injector of the runtime plus ide modules. */
public class SecIdeSetup extends SecStandaloneSetup {

	@Override
	public Injector createInjector() {
		return Guice.createInjector(Modules2.mixin(new SecRuntimeModule(), new SecIdeModule()));
	}
}
