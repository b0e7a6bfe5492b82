/** A Flussonic-style streamer stand-in that serves real, playable live HLS so the whole cloud runs on one machine. */
package io.streamgate.sim;
