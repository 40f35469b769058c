package org.sec.engine.tests.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.sec.engine.syntax.PerlGlob;

/**
 * PerlGlob against perl's own glob() (which sec applies to --conf and --input) on one
 * folder tree: wildcards in folder names, classes, braces, hidden files, patterns without
 * wildcards, several words, sorting.
 */
class PerlGlobTest {

	private static final List<String> PATTERNS = List.of("dir/*/*.sec", "*/*.sec", "dir/a*/x?.sec", "dir/[ab]*/*",
			"dir/[!a]*/*.sec", "dir/{alpha,beta}/*.sec", "{dir,other}/*", "dir/*", "dir/.*", "dir/alpha/*.sec dir/beta/*.sec",
			"missing/*.sec", "plain.sec", "dir/alpha/x1.sec", "{a,b}.conf", "dir/*/", "dir/*/*/*.sec", "dir/alpha/X*",
			"dir/alpha/[xX]*", "dir/.*/*.sec");

	@Test
	void globExpandsAsPerlDoes() throws Exception {
		Path root = Files.createTempDirectory("glob");
		for (String f : List.of("dir/alpha/x1.sec", "dir/alpha/x2.sec", "dir/alpha/X3.sec", "dir/alpha/.hidden.sec",
				"dir/beta/y.sec", "dir/beta/deep/z.sec", "dir/gamma/g.sec", "dir/.dot/h.sec", "other/o.txt",
				"dir/alpha/notes.txt")) {
			Path p = root.resolve(f);
			Files.createDirectories(p.getParent());
			Files.writeString(p, "");
		}
		List<String> expected;
		try {
			expected = perlGlobs(root);
		} catch (java.io.IOException e) {
			assumeTrue(false, "perl is not installed: " + e.getMessage());
			return;
		}
		List<String> actual = new ArrayList<>();
		for (String pattern : PATTERNS) {
			actual.add(pattern + " => " + String.join(" ", PerlGlob.expand(root, pattern)));
		}
		assertEquals(expected, actual);
	}

	private static List<String> perlGlobs(Path root) throws Exception {
		List<String> command = new ArrayList<>(Arrays.asList("perl", "-e",
				"chdir(shift); foreach my $p (@ARGV) { print $p, ' => ', join(' ', glob($p)), \"\\n\" }",
				root.toString()));
		command.addAll(PATTERNS);
		Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertEquals(0, p.waitFor(), out);
		return out.lines().toList();
	}
}
