package org.sec.engine.perl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs, in Java, the small part of Perl that context functions are usually written in,
 * so that the common case needs no round trip to the Perl bridge:
 * {@code sub { [return] EXPR [;] }} where EXPR combines {@code $_[N]} and
 * {@code $_[N]->{key}} operands, string and number literals, the comparison operators
 * {@code eq ne lt gt le ge == != < > <= >=}, {@code ! && ||} and parentheses, with
 * Perl's values (undef, "" and "0" false; {@code &&}/{@code ||} yield an operand;
 * numeric comparison converts a string's leading number). Anything else is not compiled
 * ({@link #compile} returns {@code null}) and runs in perl; so does a call whose values
 * leave the subset, such as a number Perl would read as Inf or a hash element of a
 * string. One difference is deliberate: perl -w prints "Use of uninitialized value"
 * warnings to stderr, the subset does not.
 */
public final class PerlSubset {

	/** Thrown while evaluating when this call needs real Perl. */
	public static final class Unsupported extends Exception {
		private static final long serialVersionUID = 1L;

		Unsupported() {
			super(null, null, false, false);
		}
	}

	private static final Unsupported UNSUPPORTED = new Unsupported();
	private static final String NO = "";
	private static final String YES = "1";

	/** A compiled expression over the call's arguments. */
	@FunctionalInterface
	private interface Expr {
		Object eval(List<?> args) throws Unsupported;
	}

	private final Expr body;

	private PerlSubset(Expr body) {
		this.body = body;
	}

	/** The compiled function, or {@code null} when the code is outside the subset. */
	public static PerlSubset compile(String code) {
		try {
			Parser p = new Parser(tokenize(code));
			p.expect("sub");
			p.expect("{");
			p.accept("return");
			Expr e = p.expression();
			p.accept(";");
			p.expect("}");
			if (!p.atEnd()) {
				return null;
			}
			return new PerlSubset(e);
		} catch (IllegalArgumentException e) {
			return null;
		}
	}

	/** The function's result in scalar context, as Perl truth. */
	public boolean callBoolean(List<?> args) throws Unsupported {
		return PerlTruth.isTrue(body.eval(args));
	}

	// ------------------------------------------------------------------ values

	private static Object argument(List<?> args, int index) {
		return index < args.size() ? args.get(index) : null;
	}

	private static Object element(Object container, String key) throws Unsupported {
		if (container == null) {
			return null; // autovivified on the copy in @_, then undef
		}
		if (container instanceof Map<?, ?> map) {
			return map.get(key);
		}
		throw UNSUPPORTED; // a symbolic reference to a global hash
	}

	private static String string(Object v) throws Unsupported {
		if (v == null) {
			return "";
		}
		if (v instanceof String s) {
			return s;
		}
		throw UNSUPPORTED; // a reference's address
	}

	/** Perl's numeric value of a scalar: the leading decimal number of a string, else 0. */
	static double number(Object v) throws Unsupported {
		if (v == null) {
			return 0;
		}
		String s = string(v);
		int n = s.length();
		int i = 0;
		while (i < n && " \t\n\r\f".indexOf(s.charAt(i)) >= 0) {
			i++;
		}
		int start = i;
		if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
			i++;
		}
		int digits = 0;
		while (i < n && isDigit(s.charAt(i))) {
			i++;
			digits++;
		}
		if (i < n && s.charAt(i) == '.') {
			i++;
			while (i < n && isDigit(s.charAt(i))) {
				i++;
				digits++;
			}
		}
		if (digits == 0) {
			String rest = s.substring(Math.min(i, n)).toLowerCase(java.util.Locale.ROOT);
			if (rest.startsWith("inf") || rest.startsWith("nan")) {
				throw UNSUPPORTED; // Perl reads these as Inf and NaN
			}
			return 0;
		}
		if (digits > 15) {
			throw UNSUPPORTED; // beyond where Perl's IV/NV arithmetic and a double agree
		}
		if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
			int j = i + 1;
			if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
				j++;
			}
			int k = j;
			while (k < n && isDigit(s.charAt(k))) {
				k++;
			}
			if (k > j) {
				i = k;
			}
		}
		return Double.parseDouble(s.substring(start, i));
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	private static String bool(boolean b) {
		return b ? YES : NO;
	}

	// ------------------------------------------------------------------ parsing

	private static final Pattern TOKEN = Pattern.compile("\\s*(?:(\\$_\\[\\s*[0-9]+\\s*\\])|('(?:[^'\\\\]|\\\\.)*')"
			+ "|(\"[^\"$@\\\\]*\")|([0-9]+(?:\\.[0-9]+)?)|(->|&&|\\|\\||==|!=|<=|>=|[<>!{}();])|([A-Za-z_]\\w*))");

	private static List<String> tokenize(String code) {
		List<String> tokens = new ArrayList<>();
		Matcher m = TOKEN.matcher(code);
		int pos = 0;
		while (pos < code.length()) {
			if (code.substring(pos).isBlank()) {
				break;
			}
			if (!m.find(pos) || m.start() != pos) {
				throw new IllegalArgumentException("outside the subset at " + pos);
			}
			String t = m.group().strip();
			tokens.add(t.startsWith("$_[") ? "$_[" + t.replaceAll("[^0-9]", "") + "]" : t);
			pos = m.end();
		}
		return tokens;
	}

	private static final class Parser {
		private final List<String> tokens;
		private int pos;

		Parser(List<String> tokens) {
			this.tokens = tokens;
		}

		boolean atEnd() {
			return pos == tokens.size();
		}

		String peek() {
			return pos < tokens.size() ? tokens.get(pos) : "";
		}

		boolean accept(String t) {
			if (peek().equals(t)) {
				pos++;
				return true;
			}
			return false;
		}

		void expect(String t) {
			if (!accept(t)) {
				throw new IllegalArgumentException("expected " + t);
			}
		}

		Expr expression() {
			Expr left = and();
			while (accept("||")) {
				Expr l = left;
				Expr r = and();
				left = args -> {
					Object v = l.eval(args);
					return PerlTruth.isTrue(v) ? v : r.eval(args);
				};
			}
			return left;
		}

		private Expr and() {
			Expr left = not();
			while (accept("&&")) {
				Expr l = left;
				Expr r = not();
				left = args -> {
					Object v = l.eval(args);
					return PerlTruth.isTrue(v) ? r.eval(args) : v;
				};
			}
			return left;
		}

		private Expr not() {
			if (accept("!")) {
				Expr e = not();
				return args -> bool(!PerlTruth.isTrue(e.eval(args)));
			}
			return comparison();
		}

		private Expr comparison() {
			Expr left = term();
			String op = peek();
			Expr right;
			switch (op) {
			case "eq", "ne", "lt", "gt", "le", "ge" -> {
				pos++;
				right = term();
				return args -> {
					int c = string(left.eval(args)).compareTo(string(right.eval(args)));
					return bool(switch (op) {
					case "eq" -> c == 0;
					case "ne" -> c != 0;
					case "lt" -> c < 0;
					case "gt" -> c > 0;
					case "le" -> c <= 0;
					default -> c >= 0;
					});
				};
			}
			case "==", "!=", "<", ">", "<=", ">=" -> {
				pos++;
				right = term();
				return args -> {
					double a = number(left.eval(args));
					double b = number(right.eval(args));
					return bool(switch (op) {
					case "==" -> a == b;
					case "!=" -> a != b;
					case "<" -> a < b;
					case ">" -> a > b;
					case "<=" -> a <= b;
					default -> a >= b;
					});
				};
			}
			default -> {
				return left;
			}
			}
		}

		private Expr term() {
			String t = peek();
			pos++;
			if (t.equals("(")) {
				Expr e = expression();
				expect(")");
				return e;
			}
			if (t.startsWith("$_[")) {
				int index = Integer.parseInt(t.substring(3, t.length() - 1));
				if (accept("->") && !peek().equals("{")) {
					throw new IllegalArgumentException("-> without a hash subscript");
				}
				if (accept("{")) {
					String key = key(peek());
					pos++;
					expect("}");
					return args -> element(argument(args, index), key);
				}
				return args -> argument(args, index);
			}
			if (t.startsWith("'")) {
				String s = t.substring(1, t.length() - 1).replaceAll("\\\\([\\\\'])", "$1");
				return args -> s;
			}
			if (t.startsWith("\"")) {
				String s = t.substring(1, t.length() - 1);
				return args -> s;
			}
			if (!t.isEmpty() && Character.isDigit(t.charAt(0))) {
				if (t.length() > 1 && t.charAt(0) == '0' && !t.contains(".")) {
					throw new IllegalArgumentException("octal literal outside the subset");
				}
				String s = t.contains(".") ? perlNumberText(t) : t;
				return args -> s;
			}
			throw new IllegalArgumentException("outside the subset: " + t);
		}

		private static String key(String t) {
			if (t.startsWith("'")) {
				return t.substring(1, t.length() - 1).replaceAll("\\\\([\\\\'])", "$1");
			}
			if (t.startsWith("\"")) {
				return t.substring(1, t.length() - 1);
			}
			if (t.matches("[A-Za-z_]\\w*")) {
				return t;
			}
			throw new IllegalArgumentException("hash key outside the subset: " + t);
		}

		/** How Perl prints a decimal literal: only used when one is compared as a string. */
		private static String perlNumberText(String literal) {
			java.math.BigDecimal d = new java.math.BigDecimal(literal).stripTrailingZeros();
			if (d.scale() > 14 || d.precision() > 15) {
				throw new IllegalArgumentException("number literal outside the subset");
			}
			return d.toPlainString();
		}
	}
}
