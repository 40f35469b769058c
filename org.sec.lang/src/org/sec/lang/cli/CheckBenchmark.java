package org.sec.lang.cli;

import java.util.List;

import org.eclipse.xtext.resource.XtextResource;
import org.eclipse.xtext.util.CancelIndicator;
import org.eclipse.xtext.validation.CheckMode;
import org.eclipse.xtext.validation.IResourceValidator;
import org.eclipse.xtext.validation.Issue;
import org.sec.lang.SecStandaloneSetup;

import com.google.inject.Injector;

/**
 * Benchmark (not a test): parses and validates a generated file of 5,000 rules, regexes
 * compiled, several times on one JVM, and prints the time of each round. The first
 * rounds warm the JVM up; issue 15's target is a warm median under 250 ms, all lints included.
 * Each round prints the garbage collectors' time within it.
 * usage: java -cp ... org.sec.lang.cli.CheckBenchmark [rules] [rounds]
 */
public final class CheckBenchmark {

	/**
	 * Rounds that warm the JVM up (class loading, JIT) and are not counted. On two cores C2
	 * compiles the loader's and the lints' large methods until about round 20
	 * (-XX:+PrintCompilation: SecValidator.checkWithSecsLoader and SecLints at level 4 around
	 * rounds 18-22, the rounds between at 0.7-1 s in profiled code).
	 */
	private static final int WARM_UP_ROUNDS = 20;
	/** Issue 15: a warm check of the 5,000-rule file. */
	private static final long TARGET_MILLIS = 250;

	private CheckBenchmark() {
	}

	static String generate(int rules) {
		StringBuilder b = new StringBuilder();
		String[] types = { "Single", "SingleWithThreshold", "Pair", "SingleWithSuppress", "Suppress" };
		for (int i = 0; i < rules; i++) {
			String type = types[i % types.length];
			b.append("# rule ").append(i).append('\n');
			b.append("type=").append(type).append('\n');
			b.append("ptype=RegExp\n");
			b.append("pattern=sshd\\[\\d+\\]: Failed password for (?:invalid user )?(\\S+) from ([\\d.]+) port ")
					.append(i).append('\n');
			switch (type) {
			case "Suppress" -> {
			}
			case "Pair" -> b.append("desc=pair $1 ").append(i).append("\naction=create P_$1_").append(i)
					.append(" 60\nptype2=RegExp\npattern2=Accepted password for $1\ndesc2=ok %1\naction2=delete P_%1_")
					.append(i).append("\nwindow=60\n");
			default -> {
				b.append("context=!SEEN_$1 && (A_").append(i % 7).append(" || !B)\n");
				b.append("desc=rule ").append(i).append(" for $1 from $2\n");
				b.append("action=write - %s; create SEEN_$1 30; add LOG_$2 $0; if %x ( assign %y $1 )\n");
				if (!type.equals("Single")) {
					b.append("window=60\n");
				}
				if (type.equals("SingleWithThreshold")) {
					b.append("thresh=3\n");
				}
			}
			}
			b.append('\n');
		}
		return b.toString();
	}

	public static void main(String[] args) throws Exception {
		int rules = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 40;
		String text = generate(rules);
		Injector injector = new SecStandaloneSetup().createInjectorAndDoEMFRegistration();
		IResourceValidator validator = injector.getInstance(IResourceValidator.class);
		System.out.printf("secwb check benchmark: %d rules, %d lines, %d KiB%n", rules, text.split("\n").length,
				text.length() / 1024);
		List<Long> warm = new java.util.ArrayList<>();
		for (int round = 1; round <= rounds; round++) {
			long gcBefore = gcMillis();
			long start = System.nanoTime();
			XtextResource resource = (XtextResource) injector
					.getInstance(org.eclipse.xtext.resource.IResourceFactory.class)
					.createResource(org.eclipse.emf.common.util.URI.createURI("bench.sec"));
			injector.getInstance(org.eclipse.xtext.resource.XtextResourceSet.class).getResources().add(resource);
			resource.load(new org.eclipse.xtext.util.LazyStringInputStream(text, "ISO-8859-1"), null);
			List<Issue> issues = validator.validate(resource, CheckMode.ALL, CancelIndicator.NullImpl);
			long millis = (System.nanoTime() - start) / 1_000_000;
			System.out.printf("round %d: %d ms (%d issues, GC %d ms)%n", round, millis, issues.size(), gcMillis() - gcBefore);
			if (round > WARM_UP_ROUNDS) {
				warm.add(millis);
			}
		}
		if (!warm.isEmpty()) {
			java.util.Collections.sort(warm);
			long median = warm.get(warm.size() / 2);
			System.out.printf("warm rounds (after %d): median %d ms, best %d ms, worst %d ms; target under %d ms: %s%n",
					Math.min(WARM_UP_ROUNDS, rounds), median, warm.get(0), warm.get(warm.size() - 1), TARGET_MILLIS, median < TARGET_MILLIS ? "met" : "NOT met");
		}
	}

	private static long gcMillis() {
		long total = 0;
		for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
			total += Math.max(0, gc.getCollectionTime());
		}
		return total;
	}
}
