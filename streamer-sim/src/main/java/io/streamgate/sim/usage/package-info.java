/**
 * Usage per stream: exact byte counters (served and received) within one collection session, the recent rates derived
 * from them, and their Prometheus exposition for the collector.
 */
package io.streamgate.sim.usage;
