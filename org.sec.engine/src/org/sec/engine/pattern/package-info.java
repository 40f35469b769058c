/**
 * Perl regular expressions on the JVM: the translation to java.util.regex, Perl's
 * optimiser where Java lacks it, the match budget and the fallback to perl. Shared with the
 * DSL's hovers and lints.
 */
package org.sec.engine.pattern;
