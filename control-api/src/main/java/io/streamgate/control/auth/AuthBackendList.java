package io.streamgate.control.auth;

import java.util.List;

/** Body of {@code GET /api/v1/auth-backends}. */
record AuthBackendList(List<AuthBackendResponse> authBackends) {}
