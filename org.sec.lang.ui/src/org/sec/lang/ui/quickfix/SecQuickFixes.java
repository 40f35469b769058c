package org.sec.lang.ui.quickfix;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.core.filebuffers.FileBuffers;
import org.eclipse.core.filebuffers.ITextFileBuffer;
import org.eclipse.core.filebuffers.ITextFileBufferManager;
import org.eclipse.core.filebuffers.LocationKind;
import org.eclipse.core.resources.IFile;
import org.eclipse.core.resources.IMarker;
import org.eclipse.core.runtime.CoreException;
import org.eclipse.jface.text.BadLocationException;
import org.eclipse.jface.text.IDocument;
import org.eclipse.jface.text.IRegion;
import org.eclipse.ui.IMarkerResolution;
import org.eclipse.ui.IMarkerResolutionGenerator2;
import org.sec.engine.config.ConfigDiagnostic.Code;
import org.sec.engine.config.RuleTypes;
import org.sec.engine.rules.RuleLoader;
import org.sec.lang.ui.validation.ProblemMarkers;
import org.sec.lang.validation.IssueCodes;

/**
 * Quick fixes (Ctrl+1, Problems view) for the errors people make most: a misspelt rule
 * type or pattern type (the nearest valid spelling), a keyword in the wrong case (sec's
 * keywords are lower case), and a missing required keyword (added at the end of the rule).
 */
public final class SecQuickFixes implements IMarkerResolutionGenerator2 {

	/** A value sec accepts for each keyword a fix adds; the user then edits it. */
	private static final Map<String, String> DEFAULTS = Map.of("desc", "CHANGE_ME: describe what this rule detects",
			"action", "none", "ptype", "SubStr", "pattern", "CHANGE_ME", "window", "60", "thresh", "2", "time",
			"* * * * *", "script", "/bin/true");

	@Override
	public boolean hasResolutions(IMarker marker) {
		return getResolutions(marker).length > 0;
	}

	@Override
	public IMarkerResolution[] getResolutions(IMarker marker) {
		int line = marker.getAttribute(IMarker.LINE_NUMBER, -1) - 1;
		if (line < 0 || !(marker.getResource() instanceof IFile file)) {
			return new IMarkerResolution[0];
		}
		Code code = IssueCodes.codeOf(marker.getAttribute(ProblemMarkers.CODE, ""));
		String keyword = marker.getAttribute(ProblemMarkers.KEYWORD, "");
		String subject = marker.getAttribute(ProblemMarkers.SUBJECT, "");
		List<IMarkerResolution> fixes = new ArrayList<>();
		if (code == null) {
			return new IMarkerResolution[0];
		}
		switch (code) {
		case INVALID_RULE_TYPE -> {
			String best = nearest(subject, RuleTypes.NAMES);
			if (best != null && !best.equalsIgnoreCase(subject)) {
				fixes.add(fix("Change the rule type to " + best, file, doc -> replaceValue(doc, line, "type", best)));
			}
		}
		case INVALID_PATTERN_TYPE -> {
			String best = keyword.startsWith("ptype") ? nearest(subject, RuleTypes.PATTERN_TYPES) : null;
			if (best != null) {
				fixes.add(fix("Change the pattern type to " + best, file, doc -> replaceValue(doc, line, keyword, best)));
			}
		}
		case ILLEGAL_KEYWORD -> {
			String lower = keyword.toLowerCase(Locale.ROOT);
			if (!lower.equals(keyword) && RuleLoader.keywordsForType(subject).containsKey(lower)) {
				fixes.add(fix("Write the keyword in lower case: " + lower, file, doc -> {
					IRegion r = doc.getLineInformation(line);
					if (doc.get(r.getOffset(), keyword.length()).equals(keyword)) {
						doc.replace(r.getOffset(), keyword.length(), lower);
					}
				}));
			}
		}
		case MISSING_KEYWORD -> {
			if (!keyword.isEmpty() && !keyword.equals("type") && !presentInOtherCase(file, line, keyword)) {
				String value = DEFAULTS.getOrDefault(keyword.replaceAll("\\d+$", ""), "CHANGE_ME");
				fixes.add(fix("Add the missing keyword: " + keyword + "=" + value, file, doc -> {
					int last = line;
					while (last + 1 < doc.getNumberOfLines() && !text(doc, last + 1).isBlank()) {
						last++;
					}
					IRegion r = doc.getLineInformation(last);
					doc.replace(r.getOffset() + r.getLength(), 0, "\n" + keyword + "=" + value);
				}));
			}
		}
		default -> {
		}
		}
		return fixes.toArray(IMarkerResolution[]::new);
	}

	/** True when the rule has the keyword in another case: then the case fix is the right one, not a second line. */
	private static boolean presentInOtherCase(IFile file, int firstLine, String keyword) {
		try (java.io.InputStream in = file.getContents()) {
			List<String> lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1).lines().toList();
			for (int i = firstLine; i < lines.size() && !lines.get(i).isBlank(); i++) {
				String l = lines.get(i);
				if (l.regionMatches(true, 0, keyword + "=", 0, keyword.length() + 1) && !l.startsWith(keyword + "=")) {
					return true;
				}
			}
		} catch (java.io.IOException | CoreException e) {
			return false;
		}
		return false;
	}

	/** The closest spelling within three edits (case ignored), or null. */
	static String nearest(String typed, List<String> choices) {
		String best = null;
		int bestDistance = 4;
		for (String c : choices) {
			int d = distance(typed.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
			if (d < bestDistance) {
				best = c;
				bestDistance = d;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

	private static void replaceValue(IDocument doc, int line, String keywordRegex, String value)
			throws BadLocationException {
		IRegion r = doc.getLineInformation(line);
		Matcher m = Pattern.compile("^(" + keywordRegex + ")=(.*)$").matcher(doc.get(r.getOffset(), r.getLength()));
		if (m.matches()) {
			doc.replace(r.getOffset() + m.start(2), m.group(2).length(), value);
		}
	}

	private static String text(IDocument doc, int line) throws BadLocationException {
		IRegion r = doc.getLineInformation(line);
		return doc.get(r.getOffset(), r.getLength());
	}

	@FunctionalInterface
	private interface Edit {
		void apply(IDocument doc) throws BadLocationException;
	}

	/** A fix that edits the file through its text buffer, so an open editor shows it at once. */
	private static IMarkerResolution fix(String label, IFile file, Edit edit) {
		return new IMarkerResolution() {
			@Override
			public String getLabel() {
				return label;
			}

			@Override
			public void run(IMarker marker) {
				ITextFileBufferManager manager = FileBuffers.getTextFileBufferManager();
				try {
					manager.connect(file.getFullPath(), LocationKind.IFILE, null);
					try {
						ITextFileBuffer buffer = manager.getTextFileBuffer(file.getFullPath(), LocationKind.IFILE);
						edit.apply(buffer.getDocument());
						buffer.commit(null, true);
					} finally {
						manager.disconnect(file.getFullPath(), LocationKind.IFILE, null);
					}
				} catch (CoreException | BadLocationException e) {
					org.eclipse.core.runtime.ILog.of(SecQuickFixes.class).error("quick fix '" + label + "' failed", e);
				}
			}
		};
	}

}
