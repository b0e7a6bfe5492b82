/** Which streamers a stream is placed on: the choice, its storage, and the recorded history of every change. */
package io.streamgate.control.placement;
