/** Which streamers a stream is placed on: the choice and its storage. */
package io.streamgate.control.placement;
