/** Signs the streamer URLs the gateway hands to players, with the cloud's rotating HMAC keys. */
package io.streamgate.gateway.signing;
