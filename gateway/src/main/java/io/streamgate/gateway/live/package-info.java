/** Which streams are live on which streamer right now, polled through the streamers' drivers, and which streamers are ejected. */
package io.streamgate.gateway.live;
