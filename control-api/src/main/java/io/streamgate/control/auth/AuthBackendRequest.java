package io.streamgate.control.auth;

import java.util.Map;

/**
 * Body of {@code PUT /api/v1/auth-backends/{name}}; everything but {@code type} may be omitted: no settings, fail
 * closed, a 2 s timeout, answers served stale for 5 min.
 */
record AuthBackendRequest(
        String type, Map<String, Object> settings, String failurePolicy, String timeout, String staleFor) {}
