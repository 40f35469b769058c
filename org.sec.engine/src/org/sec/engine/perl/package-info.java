/**
 * The Perl bridge: one perl process per engine for PerlFunc patterns, Perl code in contexts
 * and actions, and for sec's own verdict on regular expressions.
 */
package org.sec.engine.perl;
