/** Signed, expiring playback URLs: the gateway signs, the streamers verify, keys rotate by key id. */
package io.streamgate.domain.signing;
