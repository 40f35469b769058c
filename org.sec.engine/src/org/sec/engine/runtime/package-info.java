/**
 * The engine's internals: rule processing, contexts, operations, actions, timers, children
 * and output files. Not API: use {@link org.sec.engine.api.SecEngine}.
 */
package org.sec.engine.runtime;
