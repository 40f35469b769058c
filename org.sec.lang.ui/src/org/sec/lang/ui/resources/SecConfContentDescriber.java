package org.sec.lang.ui.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import org.eclipse.core.runtime.QualifiedName;
import org.eclipse.core.runtime.content.IContentDescription;
import org.eclipse.core.runtime.content.ITextContentDescriber;
import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLineReader;
import org.sec.engine.config.RuleTypes;

/**
 * Claims a *.conf file for the SEC editor when its text has a {@code type=} line with a
 * SEC rule type. Only the head of the file is read, so big unrelated .conf files stay cheap.
 */
public class SecConfContentDescriber implements ITextContentDescriber {

	private static final int HEAD_CHARS = 64 * 1024;

	@Override
	public int describe(InputStream contents, IContentDescription description) throws IOException {
		return describe(new InputStreamReader(contents, StandardCharsets.ISO_8859_1), description);
	}

	@Override
	public int describe(Reader contents, IContentDescription description) throws IOException {
		char[] buffer = new char[HEAD_CHARS];
		int length = 0;
		int read;
		while (length < buffer.length && (read = contents.read(buffer, length, buffer.length - length)) > 0) {
			length += read;
		}
		return looksLikeSecRules(new String(buffer, 0, length)) ? VALID : INVALID;
	}

	static boolean looksLikeSecRules(String text) {
		for (ConfigLine line : ConfigLineReader.read(text)) {
			if (line.kind() == ConfigLine.Kind.FIELD && "type".equals(line.keyword())
					&& RuleTypes.isRuleType(line.value())) {
				return true;
			}
		}
		return false;
	}

	@Override
	public QualifiedName[] getSupportedOptions() {
		return new QualifiedName[0];
	}
}
