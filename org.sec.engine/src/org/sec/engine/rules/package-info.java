/**
 * Loaded rules: the loader (a port of read_configfile and check_rule), the rule model and
 * {@link org.sec.engine.rules.RuleSet}, what {@link org.sec.engine.api.SecEngine#start} takes.
 * It is API beside {@code org.sec.engine.api}.
 */
package org.sec.engine.rules;
