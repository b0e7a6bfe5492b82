package io.streamgate.control.project;

import java.util.List;

/** Body of {@code GET /api/v1/project}: the operator's own project, with the chain its streams use by default. */
record OperatorProjectResponse(String id, String name, List<String> domains, List<String> defaultAuthChain) {}
