/**
 * sec's own log: levels, syslog and log-file targets, sec's message formats.
 * It is API: {@link org.sec.engine.api.SecEngine#start} takes a {@link org.sec.engine.log.SecLog}.
 */
package org.sec.engine.log;
