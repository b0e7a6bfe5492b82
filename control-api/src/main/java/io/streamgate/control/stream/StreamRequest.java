package io.streamgate.control.stream;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/streams/{name}}; {@code playback_mode} may be omitted (rewrite), so may {@code
 * auth_chain} (the project's default chain applies) and {@code region} (placed in any region).
 */
record StreamRequest(List<StreamInput> inputs, String playbackMode, List<String> authChain, String region) {}
