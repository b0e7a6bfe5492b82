/**
 * Playback protocols: which URL shapes exist under a stream, and how an entry manifest (an HLS master playlist, a
 * DASH MPD) is rewritten so that every URL in it is absolute, on the chosen streamer, and signed.
 *
 * @since 1.0.0
 */
package io.streamgate.plugin.api.protocol;
