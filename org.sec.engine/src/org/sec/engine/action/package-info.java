/**
 * sec's actions: the action-list parser (a port of analyze_actionlist) and the parsed
 * {@link org.sec.engine.action.Action}s. Internal to the engine; shared with the DSL and the
 * simulator, which read rules as the engine does.
 */
package org.sec.engine.action;
