package org.sec.engine.perl;

/**
 * A Perl reference that lives in the bridge's perl process (for example the code
 * reference an {@code eval} action stored in a variable). {@code text} is how Perl
 * prints it, such as {@code CODE(0x55d0c8a1b2c8)}.
 */
public record PerlRef(long id, String text) {

	@Override
	public String toString() {
		return text;
	}
}
