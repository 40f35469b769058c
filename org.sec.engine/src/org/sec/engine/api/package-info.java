/**
 * The engine's client API: start a {@link org.sec.engine.api.SecEngine} on rules with
 * sec's {@link org.sec.engine.api.SecOptions}, an injected {@link org.sec.engine.api.Clock}
 * and the output and log to write, feed it lines and ticks, raise {@link org.sec.engine.api.Signal}s,
 * and observe it through {@link org.sec.engine.api.EngineListener} and
 * {@link org.sec.engine.api.EngineSnapshot}. Nothing here exposes the engine's internals
 * ({@code org.sec.engine.runtime}); other bundles drive the engine only through this package.
 */
package org.sec.engine.api;
