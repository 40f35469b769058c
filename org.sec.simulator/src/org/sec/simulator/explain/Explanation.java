package org.sec.simulator.explain;

import java.util.List;
import java.util.Map;

import org.sec.engine.api.EngineListener.Evaluation;
import org.sec.engine.api.EngineListener.RuleRef;

/**
 * How one event went through the rules: every rule of every file in order, whether
 * processing reached it, how each of its patterns and contexts came out, the
 * operations it had before the event, and what it did.
 */
public record Explanation(String line, long time, List<RuleStep> steps) {

	/**
	 * One rule. {@code evaluations} are the engine's results for the rule's patterns (empty
	 * when processing did not reach it); for a rule not reached, {@code patternAlone} says
	 * whether its first pattern alone would match the line ({@code null} when that cannot
	 * be told without running the rules: Cached, PerlFunc, multi-line patterns).
	 */
	public record RuleStep(RuleRef rule, List<Map.Entry<Integer, Evaluation>> evaluations, Boolean patternAlone,
			Map<String, String> variables, List<String> operationsBefore, List<String> effects) {

		public boolean reached() {
			return !evaluations.isEmpty();
		}

		public boolean matched() {
			return evaluations.stream().anyMatch(e -> e.getValue() == Evaluation.MATCHED);
		}
	}
}
