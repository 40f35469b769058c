package org.sec.engine.tests.config;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.sec.engine.config.ConfigLine;
import org.sec.engine.config.ConfigLine.Kind;
import org.sec.engine.config.ConfigLineReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigLineReaderTest {

	@Test
	void continuationKeepsIndentAndDropsOnlyTheBackslash() {
		List<ConfigLine> lines = ConfigLineReader.read("desc=a \\\n   b\n");
		assertEquals(1, lines.size());
		ConfigLine line = lines.get(0);
		assertEquals(Kind.FIELD, line.kind());
		assertEquals("a    b", line.value());
		assertEquals(1, line.firstLine());
		assertEquals(2, line.lastLine());
	}

	@Test
	void hashLineAfterContinuationIsPartOfTheValue() {
		List<ConfigLine> lines = ConfigLineReader.read("action=write - x;\\\n# y\n");
		assertEquals(1, lines.size());
		assertEquals("write - x;# y", lines.get(0).value());
	}

	@Test
	void continuedCommentStaysAComment() {
		List<ConfigLine> lines = ConfigLineReader.read("# comment \\\ntype=Single\n");
		assertEquals(1, lines.size());
		assertEquals(Kind.COMMENT, lines.get(0).kind());
		assertEquals("# comment type=Single", lines.get(0).text());
	}

	@Test
	void continuationAtEndOfFileIsDropped() {
		List<ConfigLine> lines = ConfigLineReader.read("type=Single\ndesc=x \\\n");
		assertEquals(Kind.FIELD, lines.get(0).kind());
		assertEquals(Kind.DANGLING_CONTINUATION, lines.get(1).kind());
		assertNull(lines.get(1).value());
	}

	@Test
	void backslashBeforeCarriageReturnStillContinues() {
		// sec trims the chomped line (\r is whitespace) before it looks for the backslash
		List<ConfigLine> lines = ConfigLineReader.read("desc=a \\\r\nb\r\n");
		assertEquals(1, lines.size());
		assertEquals("a b", lines.get(0).value());
	}

	@ParameterizedTest(name = "[{index}] \"{0}\" is {1}")
	@CsvSource(delimiter = '|', value = {
			"type=Single|FIELD|type|Single",
			"  ptype = RegExp  |FIELD|ptype|RegExp",
			"Type=Single|FIELD|Type|Single",
			"pattern==x|FIELD|pattern|=x",
			"empty=|MALFORMED||",
			"bad-key=value|MALFORMED||",
			"no equals sign|MALFORMED||",
			"   # indented comment|COMMENT||",
			"'   '|BLANK||" })
	void classifiesLinesLikeSec(String text, Kind kind, String keyword, String value) {
		List<ConfigLine> lines = ConfigLineReader.read(text + "\n");
		assertEquals(1, lines.size());
		assertEquals(kind, lines.get(0).kind());
		assertEquals(keyword, lines.get(0).keyword());
		assertEquals(value, lines.get(0).value());
	}

	@Test
	void joinContinuedTextMatchesTheLineReader() {
		assertEquals("= a    b", ConfigLineReader.joinContinuedText("= a \\\n   b  "));
		assertEquals("= a", ConfigLineReader.joinContinuedText("= a \\\n"));
		assertNull(ConfigLineReader.joinContinuedText("= a \\"));
		assertThrows(IllegalArgumentException.class, () -> ConfigLineReader.joinContinuedText("= a\nb"));
	}

	/** Editors map a joined value back to its source; each index names the character the join took. */
	@Test
	void joinedSourceIndexesPointAtTheJoinedCharacters() {
		assertArrayEquals(new int[] { 0, 1, 2, 3, 6, 7, 8, 9 }, ConfigLineReader.joinedSourceIndexes("= a \\\n   b  "));
		assertArrayEquals(new int[] { 2, 3, 4 }, ConfigLineReader.joinedSourceIndexes("\t a\tb"));
		assertNull(ConfigLineReader.joinedSourceIndexes("a \\\n b\\"));
		for (String text : new String[] { "", " ", "  a b  ", "x\\", "\t\\ ", "\\", "a\\\n", "a \\\n\\\n b \\\n\tc\f",
				" \\ \n\\", "\u000Ba\u000B" }) {
			int[] sources = ConfigLineReader.joinedSourceIndexes(text);
			String joined = ConfigLineReader.joinContinuedText(text);
			if (sources == null) {
				assertNull(joined, text);
				continue;
			}
			StringBuilder fromSources = new StringBuilder();
			for (int i : sources) {
				fromSources.append(text.charAt(i));
			}
			assertEquals(fromSources.toString(), joined, text);
		}
		assertEquals("a b", ConfigLineReader.joinContinuedText("  a b  "));
		assertNull(ConfigLineReader.joinContinuedText("x\\"));
		assertNull(ConfigLineReader.joinContinuedText("\t\\ "));
	}
}
