/** The HLS playback protocol: its URL shapes, and a master playlist parsed once and rendered per viewer. */
package io.streamgate.plugins.hls;
