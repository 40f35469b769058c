package org.sec.engine.syntax;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values (Map in key order, List, String, Long, Double, Boolean, null):
 * written compactly, and read strictly, so that a truncated or edited file fails with the
 * offset where it stops making sense. By hand because the engine depends on nothing but the JDK.
 */
public final class JsonText {

	/** Text that is not JSON, with the character offset where reading stopped. */
	public static final class Malformed extends Exception {
		private static final long serialVersionUID = 1L;
		private final int offset;

		Malformed(String message, int offset) {
			super(message + " at offset " + offset);
			this.offset = offset;
		}

		public int offset() {
			return offset;
		}
	}

	private final String text;
	private int pos;

	private JsonText(String text) {
		this.text = text;
	}

	/** One JSON value and nothing after it but blanks. */
	public static Object parse(String text) throws Malformed {
		JsonText p = new JsonText(text);
		Object value = p.value();
		p.blanks();
		if (p.pos != text.length()) {
			throw new Malformed("text after the JSON value", p.pos);
		}
		return value;
	}

	/** {@code value} (Map, List, String, Number, Boolean or null) as JSON. */
	public static String write(Object value) {
		StringBuilder b = new StringBuilder();
		write(b, value);
		return b.toString();
	}

	private static void write(StringBuilder b, Object value) {
		if (value == null) {
			b.append("null");
		} else if (value instanceof String s) {
			string(b, s);
		} else if (value instanceof Number || value instanceof Boolean) {
			b.append(value);
		} else if (value instanceof Map<?, ?> m) {
			b.append('{');
			boolean first = true;
			for (Map.Entry<?, ?> e : m.entrySet()) {
				b.append(first ? "" : ",");
				first = false;
				string(b, String.valueOf(e.getKey()));
				b.append(':');
				write(b, e.getValue());
			}
			b.append('}');
		} else if (value instanceof Iterable<?> list) {
			b.append('[');
			boolean first = true;
			for (Object item : list) {
				b.append(first ? "" : ",");
				first = false;
				write(b, item);
			}
			b.append(']');
		} else {
			throw new IllegalArgumentException("not a JSON value: " + value.getClass().getName());
		}
	}

	private static void string(StringBuilder b, String s) {
		b.append('"');
		for (int i = 0; i < s.length(); i++) {
			char c = s.charAt(i);
			switch (c) {
			case '"' -> b.append("\\\"");
			case '\\' -> b.append("\\\\");
			case '\n' -> b.append("\\n");
			case '\r' -> b.append("\\r");
			case '\t' -> b.append("\\t");
			default -> {
				if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
					b.append(String.format("\\u%04x", (int) c));
				} else {
					b.append(c);
				}
			}
			}
		}
		b.append('"');
	}

	private void blanks() {
		while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
			pos++;
		}
	}

	private Object value() throws Malformed {
		blanks();
		if (pos >= text.length()) {
			throw new Malformed("the text ends where a value should be", pos);
		}
		char c = text.charAt(pos);
		return switch (c) {
		case '{' -> object();
		case '[' -> array();
		case '"' -> string();
		case 't' -> literal("true", Boolean.TRUE);
		case 'f' -> literal("false", Boolean.FALSE);
		case 'n' -> literal("null", null);
		default -> number();
		};
	}

	private Map<String, Object> object() throws Malformed {
		Map<String, Object> map = new LinkedHashMap<>();
		pos++;
		blanks();
		if (peek() == '}') {
			pos++;
			return map;
		}
		while (true) {
			blanks();
			if (peek() != '"') {
				throw new Malformed("expected a key in quotes", pos);
			}
			String key = string();
			blanks();
			expect(':');
			map.put(key, value());
			blanks();
			char c = peek();
			pos++;
			if (c == '}') {
				return map;
			}
			if (c != ',') {
				throw new Malformed("expected ',' or '}'", pos - 1);
			}
		}
	}

	private List<Object> array() throws Malformed {
		List<Object> list = new ArrayList<>();
		pos++;
		blanks();
		if (peek() == ']') {
			pos++;
			return list;
		}
		while (true) {
			list.add(value());
			blanks();
			char c = peek();
			pos++;
			if (c == ']') {
				return list;
			}
			if (c != ',') {
				throw new Malformed("expected ',' or ']'", pos - 1);
			}
		}
	}

	private String string() throws Malformed {
		int start = pos;
		pos++;
		StringBuilder b = new StringBuilder();
		while (true) {
			if (pos >= text.length()) {
				throw new Malformed("a string that does not end (it starts at offset " + start + ")", pos);
			}
			char c = text.charAt(pos++);
			if (c == '"') {
				return b.toString();
			}
			if (c != '\\') {
				b.append(c);
				continue;
			}
			char e = peek();
			pos++;
			switch (e) {
			case '"', '\\', '/' -> b.append(e);
			case 'n' -> b.append('\n');
			case 'r' -> b.append('\r');
			case 't' -> b.append('\t');
			case 'b' -> b.append('\b');
			case 'f' -> b.append('\f');
			case 'u' -> {
				if (pos + 4 > text.length()) {
					throw new Malformed("a \\u escape cut short", pos);
				}
				try {
					b.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
				} catch (NumberFormatException ex) {
					throw new Malformed("a \\u escape that is not hexadecimal", pos);
				}
				pos += 4;
			}
			default -> throw new Malformed("an unknown escape \\" + e, pos - 1);
			}
		}
	}

	private Object number() throws Malformed {
		int start = pos;
		while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
			pos++;
		}
		String n = text.substring(start, pos);
		try {
			if (n.matches("-?[0-9]+")) {
				return Long.parseLong(n);
			}
			return Double.parseDouble(n);
		} catch (NumberFormatException e) {
			throw new Malformed(n.isEmpty() ? "unexpected '" + text.charAt(start) + "'" : "not a number: " + n, start);
		}
	}

	private Object literal(String word, Object value) throws Malformed {
		if (!text.startsWith(word, pos)) {
			throw new Malformed("expected " + word, pos);
		}
		pos += word.length();
		return value;
	}

	private char peek() throws Malformed {
		if (pos >= text.length()) {
			throw new Malformed("the text ends too early", pos);
		}
		return text.charAt(pos);
	}

	private void expect(char c) throws Malformed {
		if (peek() != c) {
			throw new Malformed("expected '" + c + "'", pos);
		}
		pos++;
	}
}
