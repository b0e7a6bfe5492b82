/** The Flussonic-style stream configuration API and the in-memory store of configured streams. */
package io.streamgate.sim.config;
