package org.sec.engine.dump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What sec's dump reports about its own process, read from Linux's /proc: user and
 * group IDs (Perl's {@code $>} and {@code $)}) and CPU times (Perl's {@code times()}).
 * Elsewhere the values are unknown.
 */
public record ProcessInfo(String uid, String gid, String groups, double user, double system, double childUser,
		double childSystem) {

	/** Linux's clock ticks per second for /proc times (USER_HZ). */
	private static final double TICKS = 100.0;

	public static ProcessInfo current() {
		String uid = "unknown";
		String gid = "unknown";
		String groups = "";
		double[] times = { 0, 0, 0, 0 };
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
				if (line.startsWith("Uid:")) {
					uid = line.split("\\s+")[2]; // effective
				} else if (line.startsWith("Gid:")) {
					gid = line.split("\\s+")[2];
				} else if (line.startsWith("Groups:")) {
					groups = line.substring(7).strip();
				}
			}
			String stat = Files.readString(Path.of("/proc/self/stat"));
			// fields after the command name in parentheses; utime is field 14
			List<String> f = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
			for (int i = 0; i < 4; i++) {
				times[i] = Long.parseLong(f.get(11 + i)) / TICKS;
			}
		} catch (IOException | RuntimeException e) {
			// not Linux: the dump says unknown IDs and zero times
		}
		return new ProcessInfo(uid, gid, groups, times[0], times[1], times[2], times[3]);
	}

	/** A number as Perl prints it: no trailing zeros, no decimal point for whole numbers. */
	static String perlNumber(double v) {
		if (v == Math.rint(v)) {
			return Long.toString((long) v);
		}
		String s = String.format(java.util.Locale.ROOT, "%.15g", v).replaceAll("0+$", "");
		return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
	}
}
