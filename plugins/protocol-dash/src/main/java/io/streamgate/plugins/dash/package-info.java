/** The MPEG-DASH playback protocol: its URL shapes, and an MPD parsed safely once and rendered per viewer. */
package io.streamgate.plugins.dash;
