package org.sec.engine.api;

/** What the engine asks of whoever reads the inputs: addinput, dropinput, and the reopen of a restart. */
public interface InputControl {

	/**
	 * @param offset "-" for the end of the file, else a byte offset
	 * @param context internal context of the file's lines
	 */
	void addInput(String file, String offset, String context);

	void dropInput(String file);

	/**
	 * A restart reopens the inputs after the rules are read (check_signals L13143, L13216):
	 * after SIGHUP every input, the dynamic ones forgotten; after SIGABRT as --keepopen says.
	 */
	default void reopenInputs(boolean softRestart) {
	}
}
