package io.streamgate.control.stream;

import java.util.List;

/**
 * Body of {@code PUT /api/v1/streams/{name}}; {@code playback_mode} may be omitted (rewrite), and so may {@code
 * auth_chain} (the project's default chain applies).
 */
record StreamRequest(List<StreamInput> inputs, String playbackMode, List<String> authChain) {}
