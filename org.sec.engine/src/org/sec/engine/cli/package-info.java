/**
 * jsec, the command-line engine: sec's options, the event loop, inputs, signals. Not API.
 */
package org.sec.engine.cli;
