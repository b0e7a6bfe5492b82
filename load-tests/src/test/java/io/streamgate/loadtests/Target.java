package io.streamgate.loadtests;

import java.net.URI;
import java.time.Instant;

/**
 * The cloud under load: the gateway's player API, control-api (admin and operator API) and the admin token. Defaults
 * point at {@code ./streamgate dev}; a run id keeps the names and domains of one run apart from the last one's.
 *
 * @param gateway {@code gateway.url}, default {@code http://127.0.0.1:8080}
 * @param control {@code control.url}, default {@code http://127.0.0.1:8081}
 * @param adminToken {@code admin.token}, else the environment's {@code STREAMGATE_ADMIN_TOKEN}
 * @param runId {@code run.id}, default the start time in base 36; goes into project names and domains
 */
record Target(URI gateway, URI control, String adminToken, String runId) {

    Target {
        if (adminToken == null || adminToken.isBlank()) {
            throw new IllegalArgumentException("admin token: missing (expected: -Dadmin.token=... or the environment"
                    + " variable STREAMGATE_ADMIN_TOKEN, with the token ./streamgate dev printed or was started with)");
        }
        if (!runId.matches("[a-z0-9]{1,12}")) {
            throw new IllegalArgumentException("run.id: '" + runId + "' (expected: [a-z0-9]{1,12})");
        }
    }

    static Target fromProperties() {
        String token = SimulationProperties.string("admin.token", System.getenv("STREAMGATE_ADMIN_TOKEN"));
        return new Target(
                URI.create(SimulationProperties.string("gateway.url", "http://127.0.0.1:8080")),
                URI.create(SimulationProperties.string("control.url", "http://127.0.0.1:8081")),
                token,
                SimulationProperties.string(
                        "run.id", Long.toString(Instant.now().getEpochSecond(), 36)));
    }

    /** A domain of this run: {@code play-p1-<run>.localhost}, which resolves to this machine. */
    String domain(String label) {
        return label + "-" + runId + ".localhost";
    }
}
