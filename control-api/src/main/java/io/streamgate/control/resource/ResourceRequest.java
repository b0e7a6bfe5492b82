package io.streamgate.control.resource;

import tools.jackson.databind.JsonNode;

/**
 * Body of {@code POST /admin/v1/resources} and of its {@code PATCH}. The fields stay JSON so that {@code 5} or
 * {@code true} are rejected instead of coerced to text; in a PATCH an absent field is {@code null} and a JSON null is a
 * null node.
 */
record ResourceRequest(JsonNode name, JsonNode method, JsonNode unit, JsonNode description) {}
