/**
 * Scenarios in the format of shared/tools/sec-scenario: input lines at whole-second offsets
 * on a virtual clock. The one parser of it, for the simulator's replays and for the engine's
 * scenario goldens, which real sec made with sec-scenario.
 */
package org.sec.engine.scenario;
