/**
 * Calendar rules' crontab-like time specifications. Internal to the engine; shared with the DSL.
 */
package org.sec.engine.calendar;
