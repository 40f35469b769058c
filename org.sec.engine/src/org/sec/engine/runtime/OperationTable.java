package org.sec.engine.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

import org.sec.engine.rules.Rule;

/**
 * sec's %corr_list: operations by key ("file | rule number | desc", gen_key L8490), in
 * insertion order, and the same operations by rule and desc. A rule's match looks its
 * operation up by (rule, desc), without building and hashing the whole key; the key is made
 * when an operation starts, and names it in dumps, state files and the reset, getwpos and
 * setwpos actions.
 */
final class OperationTable {

	private final Map<String, Operation> byKey = new LinkedHashMap<>();
	private final Map<Rule, Map<String, Operation>> byRule = new IdentityHashMap<>();

	Operation get(String key) {
		return byKey.get(key);
	}

	/** The operation of {@code rule} for {@code desc}: the one under key(rule's file, rule, desc). */
	Operation get(Rule rule, String desc) {
		Map<String, Operation> ops = byRule.get(rule);
		return ops == null ? null : ops.get(desc);
	}

	/** Puts {@code op} under {@code key}, which names its rule and desc; returns the operation it replaced, or null. */
	Operation put(String key, Operation op) {
		Operation replaced = byKey.put(key, op);
		if (replaced != null) {
			unindex(replaced);
		}
		byRule.computeIfAbsent(op.rule, r -> new HashMap<>()).put(op.desc, op);
		return replaced;
	}

	/** Removes the operation under {@code key}: it, or null. */
	Operation remove(String key) {
		Operation op = byKey.remove(key);
		if (op != null) {
			unindex(op);
		}
		return op;
	}

	private void unindex(Operation op) {
		Map<String, Operation> ops = byRule.get(op.rule);
		if (ops != null && ops.remove(op.desc, op) && ops.isEmpty()) {
			byRule.remove(op.rule);
		}
	}

	/** The operations in table order (read-only). */
	Collection<Operation> values() {
		return Collections.unmodifiableCollection(byKey.values());
	}

	void forEach(BiConsumer<String, Operation> action) {
		byKey.forEach(action);
	}

	/** Holds {@code operations} (in their order) instead of what it held. */
	void replaceAll(Map<String, Operation> operations) {
		byKey.clear();
		byRule.clear();
		operations.forEach(this::put);
	}
}
