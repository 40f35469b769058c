package org.sec.lang.conversion;

import org.eclipse.xtext.conversion.IValueConverter;
import org.eclipse.xtext.conversion.ValueConverter;
import org.eclipse.xtext.conversion.ValueConverterException;
import org.eclipse.xtext.conversion.impl.AbstractValueConverter;
import org.eclipse.xtext.nodemodel.INode;
import org.eclipse.xtext.util.Strings;
import org.eclipse.xtext.conversion.impl.AbstractDeclarativeValueConverterService;
import org.sec.engine.config.ConfigLineReader;

/**
 * Turns a VALUE token into the value sec sees. Line joining is the engine's
 * {@link ConfigLineReader}, so the editor and the engine can never disagree on it.
 */
public class SecValueConverters extends AbstractDeclarativeValueConverterService {

	private final IValueConverter<String> fieldValue = new AbstractValueConverter<>() {

		@Override
		public String toValue(String token, INode node) throws ValueConverterException {
			if (token == null) {
				return null;
			}
			// a value whose last line continues at end of file is dropped by sec
			// (a VALUE token holds a newline only after a continuation backslash)
			if (token.endsWith("\n") && endsAtEndOfFile(node)) {
				return null;
			}
			String joined = ConfigLineReader.joinContinuedText(token);
			if (joined == null) {
				return null;
			}
			int start = 1; // skip '='
			while (start < joined.length() && ConfigLineReader.isPerlWhitespace(joined.charAt(start))) {
				start++;
			}
			return joined.substring(start);
		}

		private boolean endsAtEndOfFile(INode node) {
			return node != null && node.getEndOffset() >= node.getRootNode().getTotalEndOffset();
		}

		@Override
		public String toString(String value) throws ValueConverterException {
			if (value == null || Strings.isEmpty(value)) {
				throw new ValueConverterException("a SEC field value must not be empty", null, null);
			}
			if (value.indexOf('\n') >= 0) {
				throw new ValueConverterException("a SEC field value cannot hold a newline", null, null);
			}
			return "=" + value;
		}
	};

	@ValueConverter(rule = "VALUE")
	public IValueConverter<String> VALUE() {
		return fieldValue;
	}
}
