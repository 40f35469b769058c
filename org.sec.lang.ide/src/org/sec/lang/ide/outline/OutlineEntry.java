package org.sec.lang.ide.outline;

/** One rule in the outline: its label and where it sits in the text (offsets are 0-based, lines 1-based). */
public record OutlineEntry(String label, String type, int offset, int length, int line) {
}
