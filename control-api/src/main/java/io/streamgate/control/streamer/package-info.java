/**
 * Registered streamers: the admin API, the drivers that talk to them, and the poller that keeps their health, load and
 * counters.
 */
package io.streamgate.control.streamer;
