package org.sec.engine.context;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.sec.engine.config.ConfigDiagnostic;
import org.sec.engine.syntax.PerlText;
import org.sec.engine.syntax.SubExpressions;

/**
 * Port of sec 2.9.1's analyze_context (L1972) and analyze_context_expr (L1846). The
 * parser splits at the last top-level "||", then the last "&&", so operators are
 * searched in the raw text outside parentheses, exactly as sec does. Perl code is kept
 * as text: checking that it compiles needs Perl.
 */
public final class ContextExpressionParser {

	private static final Pattern NEGATION = Pattern.compile("^\\s*!(.*)", Pattern.DOTALL);
	private static final Pattern PERL_CALL = Pattern.compile("^\\s*(.*?)\\s*(->|:>)\\s*(.*\\S)", Pattern.DOTALL);
	private static final Pattern ECODE = Pattern.compile("^\\s*=\\s*(.*\\S)", Pattern.DOTALL);
	private static final Pattern VARSET = Pattern.compile("^\\s*varset\\s+(\\S+)\\s*$");
	private static final Pattern OPERAND = Pattern.compile("^\\s*(\\S+)\\s*$");
	private static final Pattern PRE_EVAL = Pattern.compile("^\\s*\\[(.*)\\]\\s*$", Pattern.DOTALL);

	/** Result of {@link ContextExpressionParser#parseField}: the expression and whether it is [pre-evaluated]. */
	public record FieldValue(ContextExpression expression, boolean preEvaluated, String text) {
	}

	private ContextExpressionParser() {
	}

	/**
	 * Parses the value of a context field: strips {@code [...]} (check_context_preeval
	 * L2090) and parses the rest. Returns {@code null} when sec would log
	 * "Invalid context expression"; {@link FieldValue#text()} is what sec prints then.
	 */
	public static FieldValue parseField(String value, List<ConfigDiagnostic.Problem> problems) {
		Matcher m = PRE_EVAL.matcher(value);
		boolean pre = m.matches();
		String text = pre ? m.group(1) : value;
		return new FieldValue(parse(text, problems), pre, text);
	}

	/** Parses an expression; {@code null} if invalid. Extra messages sec logs go to {@code problems}. */
	public static ContextExpression parse(String context, List<ConfigDiagnostic.Problem> problems) {
		List<String> subexpressions = new ArrayList<>();
		String replaced = SubExpressions.replace(context, subexpressions);
		if (replaced == null) {
			return null;
		}
		List<ContextToken> result = new ArrayList<>();
		if (!parseExpr(replaced, result)) {
			return null;
		}
		if (replaced.equals(context)) {
			return new ContextExpression(result);
		}
		for (int i = 0; i < result.size(); i++) {
			ContextToken t = result.get(i);
			boolean symbol = SubExpressions.SYMBOL.equals(t.text());
			switch (t.kind()) {
			case OPERAND -> {
				if (symbol) {
					ContextExpression nested = parse(take(subexpressions), problems);
					if (nested == null) {
						return null;
					}
					result.set(i, new ContextToken(ContextToken.Kind.EXPRESSION, null, nested, List.of()));
				}
			}
			case ECODE, VARSET -> {
				if (symbol) {
					result.set(i, new ContextToken(t.kind(), PerlText.unescapeParens(take(subexpressions)), null,
							List.of()));
				}
			}
			case CCODE, CCODE2 -> {
				List<String> params = t.params();
				String code = t.text();
				if (params.size() == 1 && SubExpressions.SYMBOL.equals(params.get(0))) {
					params = PerlText.splitWords(PerlText.unescapeParens(take(subexpressions)));
				}
				if (SubExpressions.SYMBOL.equals(code)) {
					code = PerlText.unescapeParens(take(subexpressions));
				}
				result.set(i, new ContextToken(t.kind(), code, null, params));
			}
			default -> {
			}
			}
		}
		if (!subexpressions.isEmpty()) {
			for (String s : subexpressions) {
				problems.add(new ConfigDiagnostic.Problem(ConfigDiagnostic.Code.INVALID_CONTEXT, s,
						"Unexpected subexpression '" + s + "' in '" + context + "'"));
			}
			return null;
		}
		return new ContextExpression(result);
	}

	private static String take(List<String> subexpressions) {
		// sec shifts from an array; running out yields undef, which parses as invalid
		return subexpressions.isEmpty() ? "" : subexpressions.remove(0);
	}

	private static boolean parseExpr(String context, List<ContextToken> result) {
		int pos = context.lastIndexOf("||");
		if (pos >= 0) {
			return binary(context, pos, ContextToken.Kind.OR, result);
		}
		pos = context.lastIndexOf("&&");
		if (pos >= 0) {
			return binary(context, pos, ContextToken.Kind.AND, result);
		}
		Matcher m = NEGATION.matcher(context);
		if (m.find()) {
			List<ContextToken> side = new ArrayList<>();
			if (!parseExpr(m.group(1), side)) {
				return false;
			}
			result.addAll(side);
			result.add(ContextToken.operator(ContextToken.Kind.NEGATION));
			return true;
		}
		m = PERL_CALL.matcher(context);
		if (m.find()) {
			String params = m.group(1);
			String code = m.group(3);
			List<String> paramList = SubExpressions.SYMBOL.equals(params) ? List.of(params)
					: PerlText.splitWords(PerlText.unescapeParens(params));
			if (!SubExpressions.SYMBOL.equals(code)) {
				code = PerlText.unescapeParens(code);
			}
			ContextToken.Kind kind = m.group(2).equals("->") ? ContextToken.Kind.CCODE : ContextToken.Kind.CCODE2;
			result.add(new ContextToken(kind, code, null, paramList));
			return true;
		}
		m = ECODE.matcher(context);
		if (m.find()) {
			result.add(new ContextToken(ContextToken.Kind.ECODE, unescapeUnlessSymbol(m.group(1)), null, List.of()));
			return true;
		}
		m = VARSET.matcher(context);
		if (m.find()) {
			result.add(new ContextToken(ContextToken.Kind.VARSET, unescapeUnlessSymbol(m.group(1)), null, List.of()));
			return true;
		}
		m = OPERAND.matcher(context);
		if (m.find()) {
			result.add(new ContextToken(ContextToken.Kind.OPERAND, unescapeUnlessSymbol(m.group(1)), null, List.of()));
			return true;
		}
		return false;
	}

	private static String unescapeUnlessSymbol(String s) {
		return SubExpressions.SYMBOL.equals(s) ? s : PerlText.unescapeParens(s);
	}

	private static boolean binary(String context, int pos, ContextToken.Kind op, List<ContextToken> result) {
		List<ContextToken> left = new ArrayList<>();
		List<ContextToken> right = new ArrayList<>();
		if (!parseExpr(context.substring(0, pos), left) || !parseExpr(context.substring(pos + 2), right)) {
			return false;
		}
		result.addAll(left);
		result.addAll(right);
		result.add(ContextToken.operator(op));
		return true;
	}
}
