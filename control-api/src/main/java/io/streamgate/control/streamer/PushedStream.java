package io.streamgate.control.streamer;

import java.util.List;

/** The body of {@code PUT /streamer/api/v3/streams/{name}}: the internal name and the inputs. */
public record PushedStream(String name, List<Input> inputs) {

    public PushedStream {
        inputs = List.copyOf(inputs);
    }

    /** One source of the stream. */
    public record Input(String url) {}
}
