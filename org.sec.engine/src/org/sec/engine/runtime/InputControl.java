package org.sec.engine.runtime;

/** What the addinput and dropinput actions ask of whoever reads the inputs. */
public interface InputControl {

	/**
	 * @param offset "-" for the end of the file, else a byte offset
	 * @param context internal context of the file's lines
	 */
	void addInput(String file, String offset, String context);

	void dropInput(String file);
}
