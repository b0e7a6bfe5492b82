package io.streamgate.control.web;

/** One rejected field of a request: {@code field} is a JSON path like {@code inputs[0].url}. */
public record FieldProblem(String field, String message) {}
