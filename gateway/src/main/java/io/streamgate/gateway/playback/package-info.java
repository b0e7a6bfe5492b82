/** The play path: raw path → tenant and stream → live streamer → signed redirect or rewritten master playlist. */
package io.streamgate.gateway.playback;
