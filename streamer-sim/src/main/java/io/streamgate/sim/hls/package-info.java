/** Live HLS from a looped test pattern: playlists from the wall clock, segments with timestamps shifted per loop. */
package io.streamgate.sim.hls;
