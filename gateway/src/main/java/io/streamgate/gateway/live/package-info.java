/** Which streams are live on which streamer right now, polled from the streamers themselves. */
package io.streamgate.gateway.live;
