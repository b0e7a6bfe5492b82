package io.streamgate.control.project;

import java.util.List;

/** Body of {@code GET /admin/v1/projects}. */
record ProjectList(List<ProjectResponse> projects) {}
