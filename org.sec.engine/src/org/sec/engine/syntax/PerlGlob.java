package org.sec.engine.syntax;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Perl's glob(), as sec applies it to every --conf and --input pattern (read_config L3839,
 * open_input L12484): File::Glob's csh_glob splits the pattern into words, and each word
 * goes through bsd_glob with GLOB_BRACE, GLOB_NOMAGIC, GLOB_QUOTE, GLOB_TILDE and
 * GLOB_ALPHASORT. Wildcards may stand in any path component; a word without wildcards is
 * returned even when no such file exists; names starting with '.' match only a literal '.'.
 */
public final class PerlGlob {

	private final Path baseDir;

	private PerlGlob(Path baseDir) {
		this.baseDir = baseDir;
	}

	/** The file names {@code pattern} stands for, relative names resolved against {@code baseDir}. */
	public static List<String> expand(Path baseDir, String pattern) {
		PerlGlob glob = new PerlGlob(baseDir);
		List<String> result = new ArrayList<>();
		for (String word : words(pattern)) {
			for (String braced : braces(word)) {
				result.addAll(glob.glob0(braced));
			}
		}
		return result;
	}

	/** Relative to the working directory. */
	public static List<String> expand(String pattern) {
		return expand(Paths.get(""), pattern);
	}

	/** csh_glob: words split on whitespace; quotes keep spaces in a word and are removed. */
	private static List<String> words(String pattern) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		boolean inWord = false;
		char quote = 0;
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				} else {
					word.append(c == '*' || c == '?' || c == '[' || c == '{' || c == '\\' ? "\\" + c : String.valueOf(c));
				}
			} else if (c == '"' || c == '\'') {
				quote = c;
				inWord = true;
			} else if (Character.isWhitespace(c)) {
				if (inWord) {
					words.add(word.toString());
					word.setLength(0);
					inWord = false;
				}
			} else {
				if (c == '\\' && i + 1 < pattern.length()) {
					word.append(c);
					c = pattern.charAt(++i);
				}
				word.append(c);
				inWord = true;
			}
		}
		if (inWord) {
			words.add(word.toString());
		}
		return words;
	}

	/** globexp1: the first {a,b} group expanded, recursively; "{}" stays as it is. */
	static List<String> braces(String word) {
		List<String> out = new ArrayList<>();
		if (word.equals("{}")) {
			out.add(word);
			return out;
		}
		int open = -1;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '{') {
				if (i + 1 < word.length() && word.charAt(i + 1) == '}') {
					i++;
					continue;
				}
				open = i;
				break;
			}
		}
		int close = open < 0 ? -1 : matchingBrace(word, open);
		if (close < 0) {
			out.add(word);
			return out;
		}
		String prefix = word.substring(0, open);
		String suffix = word.substring(close + 1);
		int depth = 0;
		int start = open + 1;
		for (int i = open + 1; i <= close; i++) {
			char c = word.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '{') {
				depth++;
			} else if (c == '}' && depth > 0) {
				depth--;
			} else if ((c == ',' && depth == 0) || i == close) {
				out.addAll(braces(prefix + word.substring(start, i) + suffix));
				start = i + 1;
			}
		}
		return out;
	}

	private static int matchingBrace(String word, int open) {
		int depth = 0;
		for (int i = open; i < word.length(); i++) {
			char c = word.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '{') {
				depth++;
			} else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}

	/** glob0: tilde, then the components matched one by one; NOMAGIC returns a plain word as is. */
	private List<String> glob0(String word) {
		String pattern = tilde(word);
		if (!hasMagic(pattern)) {
			List<String> plain = new ArrayList<>();
			plain.add(unquote(pattern));
			return plain;
		}
		List<String> matches = new ArrayList<>();
		int first = 0;
		StringBuilder prefix = new StringBuilder();
		while (first < pattern.length() && pattern.charAt(first) == '/') {
			prefix.append('/');
			first++;
		}
		List<String> components = new ArrayList<>();
		for (String c : pattern.substring(first).split("/+", -1)) {
			components.add(c);
		}
		match(prefix.toString(), components, 0, matches);
		matches.sort(PerlGlob::alphasort);
		return matches;
	}

	/** GLOB_ALPHASORT (ci_compare): case-insensitive, then byte order. */
	private static int alphasort(String a, String b) {
		int c = a.toLowerCase(java.util.Locale.ROOT).compareTo(b.toLowerCase(java.util.Locale.ROOT));
		return c != 0 ? c : a.compareTo(b);
	}

	private void match(String path, List<String> components, int index, List<String> matches) {
		if (index == components.size()) {
			if (Files.exists(resolve(path), LinkOption.NOFOLLOW_LINKS)) {
				matches.add(path);
			}
			return;
		}
		String component = components.get(index);
		boolean last = index == components.size() - 1;
		if (component.isEmpty()) { // a trailing slash: only directories
			if (Files.isDirectory(resolve(path))) {
				matches.add(path);
			}
			return;
		}
		if (!hasMagic(component)) {
			match(path + unquote(component) + (last ? "" : "/"), components, index + 1, matches);
			return;
		}
		Path dir = resolve(path.isEmpty() ? "." : path);
		List<String> names = new ArrayList<>();
		if (component.charAt(0) == '.') {
			names.add("."); // readdir lists them; Java's directory stream does not
			names.add("..");
		}
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
			for (Path entry : entries) {
				names.add(entry.getFileName().toString());
			}
		} catch (IOException | RuntimeException e) {
			return; // unreadable or not a directory: no matches, as readdir fails in bsd_glob
		}
		names.sort(null);
		for (String name : names) {
			if (name.startsWith(".") && component.charAt(0) != '.') {
				continue;
			}
			if (matches(component, 0, name, 0)) {
				if (last) {
					matches.add(path + name);
				} else if (Files.isDirectory(resolve(path + name))) {
					match(path + name + "/", components, index + 1, matches);
				}
			}
		}
	}

	private Path resolve(String path) {
		return baseDir.resolve(path.isEmpty() ? "." : path);
	}

	/** bsd_glob's match(): '*', '?', '[...]' with ranges and '!' negation, '\' quoting. */
	static boolean matches(String pattern, int p, String name, int n) {
		while (p < pattern.length()) {
			char c = pattern.charAt(p);
			switch (c) {
			case '*' -> {
				while (p < pattern.length() && pattern.charAt(p) == '*') {
					p++;
				}
				if (p == pattern.length()) {
					return true;
				}
				for (int i = n; i <= name.length(); i++) {
					if (matches(pattern, p, name, i)) {
						return true;
					}
				}
				return false;
			}
			case '?' -> {
				if (n >= name.length()) {
					return false;
				}
				p++;
				n++;
			}
			case '[' -> {
				int end = classEnd(pattern, p);
				if (end < 0) { // an unclosed '[' is a plain character
					if (n >= name.length() || name.charAt(n) != '[') {
						return false;
					}
					p++;
					n++;
					break;
				}
				if (n >= name.length() || !inClass(pattern, p + 1, end, name.charAt(n))) {
					return false;
				}
				p = end + 1;
				n++;
			}
			default -> {
				if (c == '\\' && p + 1 < pattern.length()) {
					c = pattern.charAt(++p);
				}
				if (n >= name.length() || name.charAt(n) != c) {
					return false;
				}
				p++;
				n++;
			}
			}
		}
		return n == name.length();
	}

	private static int classEnd(String pattern, int open) {
		int i = open + 1;
		if (i < pattern.length() && pattern.charAt(i) == '!') {
			i++;
		}
		if (i < pattern.length() && pattern.charAt(i) == ']') {
			i++;
		}
		for (; i < pattern.length(); i++) {
			if (pattern.charAt(i) == ']') {
				return i;
			}
		}
		return -1;
	}

	private static boolean inClass(String pattern, int from, int end, char c) {
		boolean negate = pattern.charAt(from) == '!';
		int i = negate ? from + 1 : from;
		boolean found = false;
		while (i < end) {
			char lo = pattern.charAt(i);
			if (lo == '\\' && i + 1 < end) {
				lo = pattern.charAt(++i);
			}
			if (i + 2 < end && pattern.charAt(i + 1) == '-') {
				char hi = pattern.charAt(i + 2);
				if (lo <= c && c <= hi) {
					found = true;
				}
				i += 3;
			} else {
				if (lo == c) {
					found = true;
				}
				i++;
			}
		}
		return found != negate;
	}

	private static boolean hasMagic(String s) {
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\') {
				i++;
			} else if (c == '*' || c == '?' || c == '[') {
				return true;
			}
		}
		return false;
	}

	private static String unquote(String s) {
		if (s.indexOf('\\') < 0) {
			return s;
		}
		StringBuilder b = new StringBuilder();
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			if (c == '\\' && i + 1 < s.length()) {
				c = s.charAt(++i);
			}
			b.append(c);
		}
		return b.toString();
	}

	/** GLOB_TILDE: "~" is $HOME, "~user" that user's home directory (from /etc/passwd). */
	private static String tilde(String word) {
		if (!word.startsWith("~")) {
			return word;
		}
		int slash = word.indexOf('/');
		String user = word.substring(1, slash < 0 ? word.length() : slash);
		String rest = slash < 0 ? "" : word.substring(slash);
		String home = null;
		if (user.isEmpty()) {
			home = System.getenv("HOME");
			if (home == null) {
				home = System.getProperty("user.home");
			}
		} else {
			try {
				for (String line : Files.readAllLines(Paths.get("/etc/passwd"))) {
					String[] f = line.split(":", -1);
					if (f.length > 5 && f[0].equals(user)) {
						home = f[5];
					}
				}
			} catch (IOException e) {
				home = null;
			}
		}
		return home == null ? word : home + rest;
	}
}
