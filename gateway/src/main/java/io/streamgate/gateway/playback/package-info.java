/** The play path: raw path → tenant and stream → protocol → auth → live streamer → signed redirect or rewritten manifest. */
package io.streamgate.gateway.playback;
