/** Registered streamers, the client that pushes stream config to them, and the poller that learns which streams are alive where. */
package io.streamgate.control.streamer;
