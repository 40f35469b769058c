/**
 * Context expressions: sec's parser (analyze_context_expr) and the parsed postfix form.
 * Internal to the engine; shared with the DSL and the simulator (breakpoint conditions go
 * through the API).
 */
package org.sec.engine.context;
