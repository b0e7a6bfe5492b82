/** The operator API for streams: validation at the edge, storage, and the stream answer with its live status. */
package io.streamgate.control.stream;
