package org.sec.lang;

/** Initialization support for running the SEC language without the Equinox extension registry. */
public class SecStandaloneSetup extends SecStandaloneSetupGenerated {

	public static void doSetup() {
		new SecStandaloneSetup().createInjectorAndDoEMFRegistration();
	}
}
