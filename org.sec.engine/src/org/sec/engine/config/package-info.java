/**
 * Reading rule files as sec reads them: lines, continuations, rules as keyword maps, rule
 * types, and the {@link org.sec.engine.config.ConfigDiagnostic}s sec logs, with their codes.
 * Shared with the DSL, which gives the same verdict.
 */
package org.sec.engine.config;
