package org.sec.engine.perl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the Perl code of SEC rules (PerlFunc patterns, {@code ->}, {@code :>} and
 * {@code =} context operands, eval/call/lcall actions) in one long-lived {@code perl}
 * process started on first use, as sec runs it in its own interpreter: compiled once in
 * package {@code main::SEC}, globals kept between calls.
 * <p>
 * Protocol over the child's stdin/stdout, one request and one reply at a time. A value
 * is {@code u\n} (undef), {@code s<bytes>\n<bytes>} (string, ISO-8859-1 like jsec's
 * input), {@code a<n>\n} followed by n values, {@code h<n>\n} followed by n key/value
 * pairs, or {@code r<id>\n} (a reference held by perl; in replies followed by its string
 * form). A request is an array {@code [command, args...]}; a reply is an array
 * {@code [status, values...]} with status {@code ok}, {@code hash} (PerlFunc returned one
 * hash reference), {@code die} (runtime error) or {@code err} (not a code reference).
 * <p>
 * Not thread-safe: the engine calls it from its one thread.
 */
public final class PerlBridge implements AutoCloseable {

	/** How a code reference is called. */
	enum Mode {
		/** Scalar context; the result is Perl truth. */
		BOOL("bool"),
		/** List context. */
		LIST("list"),
		/** List context; a single returned hash reference comes back as its pairs (PerlFunc). */
		MATCH("match");

		final String wire;

		Mode(String wire) {
			this.wire = wire;
		}
	}

	/** The values a PerlFunc returned: positional, or named when it returned one hash reference. */
	public record MatchResult(List<Object> values, Map<String, String> named) {

		/** sec's rule: a match unless no values or a single false one came back. */
		public boolean matched() {
			if (named != null) {
				return true;
			}
			return !values.isEmpty() && (values.size() > 1 || PerlTruth.isTrue(values.get(0)));
		}
	}

	private final String perl;
	private Process process;
	private OutputStream toPerl;
	private InputStream fromPerl;

	public PerlBridge(String perlExecutable) {
		this.perl = perlExecutable;
	}

	/** A bridge that runs {@code perl} from the PATH. */
	public static PerlBridge fromPath() {
		return new PerlBridge("perl");
	}

	/**
	 * Compiles {@code code}, which must evaluate to a CODE reference (sec's check at
	 * load time). The reference is kept under its text for later calls.
	 *
	 * @throws PerlException with what sec prints after "didn't return a code reference:"
	 */
	public void compile(String code) throws PerlException {
		compileWhileReading(code, 0);
	}

	/**
	 * {@link #compile(String)} as sec does it while reading a rule file: Perl's messages end in
	 * ", <$fh> line N." with {@code configLine} as N (0: no file is being read).
	 */
	public void compileWhileReading(String code, int configLine) throws PerlException {
		List<Object> reply = request(List.of("compile", code, String.valueOf(configLine)));
		failOnError(reply);
		if (reply.size() > 1) {
			codeNames.put(code, String.valueOf(reply.get(1)));
		}
	}

	private final Map<String, String> codeNames = new java.util.HashMap<>();

	/** A successful match in perl: $1..$N as Perl's list-context match returns them (empty without groups), and %+. */
	public record RegexMatch(List<String> groups, Map<String, String> named) {
	}

	/**
	 * Matches {@code text} against the Perl pattern (compiled once, as sec's qr/$pat/);
	 * null when it does not match.
	 */
	public RegexMatch regexMatch(String pattern, String text) throws PerlException {
		List<Object> reply = request(List.of("match", pattern, text));
		failOnError(reply);
		if (reply.size() < 2 || "0".equals(String.valueOf(reply.get(1)))) {
			return null;
		}
		int count = Integer.parseInt(String.valueOf(reply.get(2)));
		List<String> groups = new java.util.ArrayList<>(count);
		for (int k = 0; k < count; k++) {
			Object g = reply.get(3 + k);
			groups.add(g == null ? null : String.valueOf(g));
		}
		Map<String, String> named = new java.util.LinkedHashMap<>();
		for (int k = 3 + count; k + 1 < reply.size(); k += 2) {
			if (reply.get(k + 1) != null) {
				named.put(String.valueOf(reply.get(k)), String.valueOf(reply.get(k + 1)));
			}
		}
		return new RegexMatch(groups, named);
	}

	/**
	 * Perl's verdict on a pattern as sec compiles it while reading a rule file
	 * ({@code eval { qr/$pat/ }} at line {@code secLine} of sec, the config handle at
	 * {@code configLine}): null when perl accepts it, else perl's $@ as sec logs it.
	 */
	public String regexError(String pattern, int configLine, int secLine) throws PerlException {
		List<Object> reply = request(List.of("regexerror", pattern, String.valueOf(configLine), String.valueOf(secLine)));
		failOnError(reply);
		return reply.size() < 2 || reply.get(1) == null ? null : String.valueOf(reply.get(1));
	}

	private Boolean available;

	/** Whether perl can be started (it is, once, when this is first asked). */
	public boolean available() {
		if (available == null) {
			try {
				start();
				available = true;
			} catch (PerlException e) {
				available = false;
			}
		}
		return available;
	}

	/** How perl prints the code reference compiled from {@code code} ("CODE(0x...)"), as sec's log shows it. */
	public String codeName(String code) {
		String name = codeNames.get(code);
		if (name == null) {
			try {
				compile(code);
				name = codeNames.getOrDefault(code, code);
			} catch (PerlException e) {
				name = code;
			}
		}
		return name;
	}

	/** Calls the code reference compiled from {@code code} in scalar context: Perl truth of the result. */
	public boolean callBoolean(String code, List<?> args) throws PerlException {
		List<Object> reply = request(List.of("call", Mode.BOOL.wire, code, args));
		failOnError(reply);
		return "1".equals(reply.get(1));
	}

	/** Calls the code reference compiled from {@code code} in list context. */
	public List<Object> callList(String code, List<?> args) throws PerlException {
		List<Object> reply = request(List.of("call", Mode.LIST.wire, code, args));
		failOnError(reply);
		return reply.subList(1, reply.size());
	}

	/** Calls a PerlFunc pattern's function. */
	public MatchResult callMatch(String code, List<?> args) throws PerlException {
		List<Object> reply = request(List.of("call", Mode.MATCH.wire, code, args));
		failOnError(reply);
		if ("hash".equals(reply.get(0))) {
			Map<String, String> named = new LinkedHashMap<>();
			for (int i = 1; i + 1 < reply.size(); i += 2) {
				named.put(String.valueOf(reply.get(i)), stringOrNull(reply.get(i + 1)));
			}
			return new MatchResult(List.of(), named);
		}
		return new MatchResult(reply.subList(1, reply.size()), null);
	}

	/** Calls a code reference held by perl (the {@code call} action) in list context. */
	public List<Object> callRef(PerlRef ref, List<?> args) throws PerlException {
		List<Object> reply = request(List.of("callref", Mode.LIST.wire, ref, args));
		failOnError(reply);
		return reply.subList(1, reply.size());
	}

	/** {@code =code} context operands: eval in scalar context, Perl truth. */
	public boolean evalBoolean(String code) throws PerlException {
		List<Object> reply = request(List.of("eval", Mode.BOOL.wire, code));
		failOnError(reply);
		return "1".equals(reply.get(1));
	}

	/** The {@code eval} action: eval in list context. References stay in perl as {@link PerlRef}s. */
	public List<Object> evalList(String code) throws PerlException {
		List<Object> reply = request(List.of("eval", Mode.LIST.wire, code));
		failOnError(reply);
		return reply.subList(1, reply.size());
	}

	/**
	 * Hands sec's tables to perl: {@code contexts} as [[names], time, window, [events],
	 * [actions], desc, internal], {@code variables} as [name, value] pairs.
	 */
	public void putState(List<?> contexts, List<?> variables) throws PerlException {
		failOnError(request(List.of("stateput", contexts, variables)));
	}

	/** The tables as perl has them now, in {@link #putState}'s shapes: [contexts, variables]. */
	@SuppressWarnings("unchecked")
	public List<List<Object>> getState() throws PerlException {
		List<Object> reply = request(List.of("stateget"));
		failOnError(reply);
		return (List<List<Object>>) reply.get(1);
	}

	/** Perl's version ({@code $]}); starts perl if needed. */
	public String version() throws PerlException {
		List<Object> reply = request(List.of("ping"));
		failOnError(reply);
		return String.valueOf(reply.get(1));
	}

	private static void failOnError(List<Object> reply) throws PerlException {
		Object status = reply.get(0);
		if ("exit".equals(status)) {
			throw new PerlExit(exitStatus(reply.size() > 1 ? String.valueOf(reply.get(1)) : "0"));
		}
		if ("err".equals(status) || "die".equals(status)) {
			throw new PerlException(reply.size() > 1 ? String.valueOf(reply.get(1)) : "undef");
		}
	}

	/** Perl's exit(EXPR): the number EXPR starts with, as a process status (low 8 bits). */
	private static int exitStatus(String value) {
		Long n = org.sec.engine.syntax.PerlText.integerPrefix(value);
		return n == null ? 255 : (int) (n & 0xff);
	}

	private static String stringOrNull(Object value) {
		return value == null ? null : value.toString();
	}

	@SuppressWarnings("unchecked")
	private List<Object> request(List<?> request) throws PerlException {
		start();
		try {
			ByteArrayOutputStream buffer = new ByteArrayOutputStream(128);
			write(buffer, request);
			buffer.writeTo(toPerl);
			toPerl.flush();
			Object reply = read();
			if (!(reply instanceof List)) {
				throw new PerlException("the Perl bridge sent a malformed reply");
			}
			return (List<Object>) reply;
		} catch (IOException e) {
			stop();
			throw new PerlException("the Perl bridge stopped: " + e.getMessage());
		}
	}

	private void start() throws PerlException {
		if (process != null) {
			return;
		}
		try {
			Path script = Files.createTempFile("sec-bridge", ".pl");
			try (InputStream in = PerlBridge.class.getResourceAsStream("sec-bridge.pl")) {
				if (in == null) {
					throw new PerlException("sec-bridge.pl is missing from the engine");
				}
				Files.copy(in, script, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
			}
			script.toFile().deleteOnExit();
			ProcessBuilder pb = new ProcessBuilder(perl, "-w", script.toString());
			pb.redirectError(ProcessBuilder.Redirect.INHERIT);
			process = pb.start();
			toPerl = new BufferedOutputStream(process.getOutputStream(), 1 << 14);
			fromPerl = new BufferedInputStream(process.getInputStream(), 1 << 14);
		} catch (IOException e) {
			process = null;
			throw new PerlException("cannot start " + perl + " for the Perl bridge (" + e.getMessage()
					+ "); install perl or remove the Perl code from the rules");
		}
	}

	private void stop() {
		if (process != null) {
			process.destroy();
			process = null;
		}
	}

	@Override
	public void close() {
		if (process != null) {
			try {
				toPerl.close();
				process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS);
			} catch (IOException | InterruptedException e) {
				if (e instanceof InterruptedException) {
					Thread.currentThread().interrupt();
				}
			}
			stop();
		}
	}

	// ------------------------------------------------------------------ wire format

	private static void write(ByteArrayOutputStream out, Object value) {
		if (value == null) {
			out.writeBytes("u\n".getBytes(StandardCharsets.ISO_8859_1));
		} else if (value instanceof PerlRef ref) {
			out.writeBytes(("r" + ref.id() + "\n").getBytes(StandardCharsets.ISO_8859_1));
		} else if (value instanceof List<?> list) {
			out.writeBytes(("a" + list.size() + "\n").getBytes(StandardCharsets.ISO_8859_1));
			for (Object item : list) {
				write(out, item);
			}
		} else if (value instanceof Map<?, ?> map) {
			out.writeBytes(("h" + map.size() + "\n").getBytes(StandardCharsets.ISO_8859_1));
			for (Map.Entry<?, ?> e : map.entrySet()) {
				write(out, String.valueOf(e.getKey()));
				write(out, e.getValue());
			}
		} else {
			String text = value.toString();
			// Perl wide characters (above 255) travel as UTF-8 and become characters again in perl
			boolean wide = text.chars().anyMatch(c -> c > 255);
			byte[] bytes = text.getBytes(wide ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
			out.writeBytes(((wide ? "w" : "s") + bytes.length + "\n").getBytes(StandardCharsets.ISO_8859_1));
			out.writeBytes(bytes);
		}
	}

	private Object read() throws IOException {
		String header = readHeader();
		char type = header.charAt(0);
		long n = header.length() > 1 ? Long.parseLong(header.substring(1)) : 0;
		switch (type) {
		case 'u':
			return null;
		case 's':
			return new String(fromPerl.readNBytes((int) n), StandardCharsets.ISO_8859_1);
		case 'w': // a string with wide characters: one Java char per Perl character
			return new String(fromPerl.readNBytes((int) n), StandardCharsets.UTF_8);
		case 'r':
			return new PerlRef(n, String.valueOf(read()));
		case 'a': {
			List<Object> list = new ArrayList<>((int) n);
			for (long i = 0; i < n; i++) {
				list.add(read());
			}
			return list;
		}
		default:
			throw new IOException("unexpected reply header '" + header + "'");
		}
	}

	private String readHeader() throws IOException {
		StringBuilder b = new StringBuilder(8);
		int c;
		while ((c = fromPerl.read()) != '\n') {
			if (c < 0) {
				throw new EOFException("perl exited");
			}
			b.append((char) c);
		}
		if (b.length() == 0) {
			throw new IOException("empty reply header");
		}
		return b.toString();
	}
}
