package org.sec.engine.api;

/** The sec release whose behaviour this engine reproduces. */
public final class SecVersion {

	/** sec version that is the ground truth for this engine. */
	public static final String EMULATED_SEC_VERSION = "2.9.1";

	private SecVersion() {
	}
}
