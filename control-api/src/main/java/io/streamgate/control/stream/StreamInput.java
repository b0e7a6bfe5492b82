package io.streamgate.control.stream;

/** One source of a stream, as the operator writes it and as it is stored. */
public record StreamInput(String url) {}
