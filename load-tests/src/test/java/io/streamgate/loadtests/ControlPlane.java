package io.streamgate.loadtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The admin and operator API calls a simulation's set-up and clean-up make, through the JDK's HTTP client and outside
 * Gatling's statistics: only the load itself is measured. Every call has a timeout; an unexpected answer fails with
 * the request, the status and the body.
 */
final class ControlPlane {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(250);

    private final Target target;
    private final HttpClient client;
    private final ObjectMapper json = new ObjectMapper();

    ControlPlane(Target target) {
        this.target = target;
        this.client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A project created for the run, with its only API key. */
    record Project(String id, String name, String domain, String apiKey) {}

    Project createProject(String name, String domain) {
        JsonNode created = call(
                "POST",
                "/admin/v1/projects",
                target.adminToken(),
                Map.of("name", name, "domains", List.of(domain)),
                Set.of(201));
        return new Project(
                created.path("id").asText(),
                name,
                domain,
                created.path("api_key").asText());
    }

    /** A {@code token} auth backend (signed links) with one key. */
    void putTokenBackend(Project project, String backend, String keyId, String secret) {
        call(
                "PUT",
                "/api/v1/auth-backends/" + backend,
                project.apiKey(),
                Map.of("type", "token", "settings", Map.of("keys", Map.of(keyId, secret))),
                Set.of(200, 201));
    }

    void deleteAuthBackend(Project project, String backend) {
        call("DELETE", "/api/v1/auth-backends/" + backend, project.apiKey(), null, Set.of(204, 404));
    }

    /** Creates or replaces a stream with a test-pattern input; an empty chain leaves the project's default. */
    void putStream(Project project, String name, List<String> authChain) {
        Map<String, Object> body = authChain.isEmpty()
                ? Map.of("inputs", List.of(Map.of("url", "fake://" + name)))
                : Map.of("inputs", List.of(Map.of("url", "fake://" + name)), "auth_chain", authChain);
        call("PUT", "/api/v1/streams/" + name, project.apiKey(), body, Set.of(200, 201));
    }

    List<String> streams(Project project) {
        List<String> names = new ArrayList<>();
        call("GET", "/api/v1/streams", project.apiKey(), null, Set.of(200))
                .path("streams")
                .forEach(stream -> names.add(stream.path("name").asText()));
        return names;
    }

    void deleteStream(Project project, String name) {
        call("DELETE", "/api/v1/streams/" + name, project.apiKey(), null, Set.of(204, 404));
    }

    /** Mints a viewer token for a stream with signed-link auth. */
    String signedLink(Project project, String stream, String backend, Duration expiresIn) {
        return call(
                        "POST",
                        "/api/v1/streams/" + stream + "/signed-links",
                        project.apiKey(),
                        Map.of("backend", backend, "expires_in", expiresIn.toSeconds() + "s"),
                        Set.of(201))
                .path("token")
                .asText();
    }

    /** Waits until control-api reports the stream live on a streamer ({@code status.alive}). */
    void awaitAlive(Project project, String stream, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call("GET", "/api/v1/streams/" + stream, project.apiKey(), null, Set.of(200));
            if (last.path("status").path("alive").asBoolean(false)) {
                return;
            }
            pause();
        }
        throw new IllegalStateException(
                "stream " + stream + " of project " + project.name() + " not alive after " + timeout + ": " + last);
    }

    /**
     * Waits until the gateway serves the stream's master playlist, by the universal name so that no Host header is
     * needed: control-api may call a stream alive before the gateway's next snapshot sync and live poll have seen it.
     */
    void awaitPlayable(Project project, String stream, String token, Duration timeout) {
        String query = token == null ? "" : "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        URI uri = target.gateway().resolve("/" + project.id() + "_" + stream + "/index.m3u8" + query);
        Instant deadline = Instant.now().plus(timeout);
        int status = -1;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(uri).GET());
            status = answer.statusCode();
            if (status == 200 && answer.body().startsWith("#EXTM3U")) {
                return;
            }
            pause();
        }
        throw new IllegalStateException("GET " + uri + " still answers " + status + " after " + timeout);
    }

    /**
     * Checks that the gateway refuses the stream's master playlist without a token (403), so that the signed viewers of
     * a run really go through the auth chain.
     */
    void expectRefusedWithoutToken(Project project, String stream) {
        URI uri = target.gateway().resolve("/" + project.id() + "_" + stream + "/index.m3u8");
        int status = send(HttpRequest.newBuilder(uri).GET()).statusCode();
        if (status != 403) {
            throw new IllegalStateException("GET " + uri + " without a token answered " + status
                    + " (expected: 403 from the stream's signed-link auth)");
        }
    }

    private JsonNode call(String method, String path, String token, Object body, Set<Integer> expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target.control().resolve(path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
        }
        HttpResponse<String> answer = send(request);
        if (!expected.contains(answer.statusCode())) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.statusCode() + " (expected: "
                    + expected + "): " + answer.body());
        }
        try {
            return answer.body().isEmpty() ? json.createObjectNode() : json.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " answered no JSON: " + answer.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            return client.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(built.method() + " " + built.uri() + " interrupted", e);
        }
    }

    private byte[] bytes(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }
}
