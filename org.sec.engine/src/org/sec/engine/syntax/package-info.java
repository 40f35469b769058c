/**
 * Small pieces of Perl's and sec's syntax that several parsers need: Perl's split, uc and
 * word splitting, match-variable references, and running deep recursions on a large stack.
 */
package org.sec.engine.syntax;
