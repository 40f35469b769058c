package org.sec.lang.ui.wizards;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The example a new SEC project starts with: the repository's examples/ssh-login-failures, packed in this bundle. */
final class ExampleFiles {

	static final String RULES = "ssh-login-failures.sec";
	static final List<String> NAMES = List.of(RULES, "sample-auth.log", "ssh-login-failures.sectest");

	private ExampleFiles() {
	}

	static String read(String name) {
		try (InputStream in = ExampleFiles.class.getResourceAsStream("/examples/ssh-login-failures/" + name)) {
			if (in == null) {
				throw new IllegalStateException("the example file " + name + " is missing from org.sec.lang.ui");
			}
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
