package io.streamgate.control.stream;

import java.util.List;

/** Body of {@code GET /api/v1/streams}. */
record StreamList(List<StreamResponse> streams) {}
