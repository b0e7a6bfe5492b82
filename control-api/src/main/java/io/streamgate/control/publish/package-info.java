/** Publishing: where an encoder publishes a stream, its signed publish token, and the streamers' publish checks. */
package io.streamgate.control.publish;
