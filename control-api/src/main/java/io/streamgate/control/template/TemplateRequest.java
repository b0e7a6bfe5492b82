package io.streamgate.control.template;

import java.util.List;

/** Body of {@code PUT /api/v1/templates/{name}}. */
record TemplateRequest(String prefix, String playbackMode, List<String> authChain, String region) {}
