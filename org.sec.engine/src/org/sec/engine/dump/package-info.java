/**
 * The state dump sec writes on SIGUSR1, as text and as JSON, from an
 * {@link org.sec.engine.api.EngineSnapshot}.
 */
package org.sec.engine.dump;
