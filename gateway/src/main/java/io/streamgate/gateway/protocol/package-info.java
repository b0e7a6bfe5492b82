/** The playback protocols the loaded plugins provide, in the order in which they claim a path. */
package io.streamgate.gateway.protocol;
