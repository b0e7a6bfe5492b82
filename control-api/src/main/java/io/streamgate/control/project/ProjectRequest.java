package io.streamgate.control.project;

import java.util.List;

/** Body of {@code POST /admin/v1/projects}; {@code domains} may be omitted (no own domain yet). */
record ProjectRequest(String name, List<String> domains) {}
