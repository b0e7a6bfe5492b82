/** Which streamer a viewer is sent to: its previous one while that is still a candidate, else the least loaded, in its region when known. */
package io.streamgate.gateway.balancer;
