/**
 * Holds the signing keys and verifies the gateway's signed playback URLs before any playback request reaches a handler.
 */
package io.streamgate.sim.auth;
