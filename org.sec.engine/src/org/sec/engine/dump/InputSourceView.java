package org.sec.engine.dump;

/**
 * One input as the dump reports it: open or closed, a regular file (with the bytes read
 * and its size) or a pipe, its device and inode ("-" when unknown), the lines received,
 * and its internal context ({@code null} without --intcontexts).
 */
public record InputSourceView(String name, boolean open, boolean regularFile, long readOffset, long fileSize,
		String device, String inode, long lines, String context) {
}
