package org.sec.engine.tests.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.junit.jupiter.api.Test;
import org.sec.engine.runtime.TailInput;

class TailInputTest {

	private static void append(Path file, String text) throws Exception {
		Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
	}

	@Test
	void followsAppendsTruncationAndRotation() throws Exception {
		Path dir = Files.createTempDirectory("tail");
		Path log = dir.resolve("app.log");
		append(log, "old line\n");
		try (TailInput in = new TailInput("app.log", log, "_FILE_EVENT_app.log", false)) {
			assertNull(in.poll(), "tail mode starts at the end of the file");
			append(log, "one\ntw");
			assertEquals("one", in.poll());
			assertNull(in.poll(), "a line is delivered when its newline arrives");
			append(log, "o\n");
			assertEquals("two", in.poll());
			Files.move(log, dir.resolve("app.log.1"));
			append(log, "three\n");
			assertEquals("three", in.poll(), "after rotation the new file is read from its start");
			Files.writeString(log, "");
			append(log, "four\n");
			assertEquals("four", in.poll(), "after truncation reading starts over");
		}
	}

	@Test
	void fromStartReadsExistingLinesAndMissingFilesAreWaitedFor() throws Exception {
		Path dir = Files.createTempDirectory("tail");
		Path log = dir.resolve("later.log");
		try (TailInput in = new TailInput("later.log", log, "ctx", true)) {
			assertNull(in.poll());
			append(log, "first\n");
			assertEquals("first", in.poll());
		}
		try (TailInput in = new TailInput("later.log", log, "ctx", true)) {
			assertEquals("first", in.poll());
		}
	}
}
