package io.streamgate.control;

import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small client of a running control API for integration tests: raw JSON in, status and parsed JSON out. */
public final class OperatorApi {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    /** One answer; {@code json} is null when the body was empty. */
    public record Answer(int status, String contentType, String body, JsonNode json) {

        public String problemType() {
            return json.get("type").asString();
        }

        public String field() {
            return json.get("errors").get(0).get("field").asString();
        }
    }

    private final WebTestClient http;
    private final String adminToken;
    private final String gatewayToken;

    public OperatorApi(int port, String adminToken, String gatewayToken) {
        this.http = TestServers.client(port);
        this.adminToken = adminToken;
        this.gatewayToken = gatewayToken;
    }

    /** A new project: its {@code id} and {@code api_key}. */
    public JsonNode createProject(String name, List<String> domains) {
        String body = "{\"name\": \"" + name + "\", \"domains\": ["
                + String.join(",", domains.stream().map(d -> "\"" + d + "\"").toList()) + "]}";
        Answer answer = call(HttpMethod.POST, "/admin/v1/projects", adminToken, body);
        if (answer.status() != 201) {
            throw new AssertionError("project not created: " + answer);
        }
        return answer.json();
    }

    public Answer admin(HttpMethod method, String path, String body) {
        return call(method, path, adminToken, body);
    }

    public JsonNode snapshot() {
        Answer answer = call(HttpMethod.GET, "/internal/v1/snapshot", gatewayToken, null);
        if (answer.status() != 200) {
            throw new AssertionError("no snapshot: " + answer);
        }
        return answer.json();
    }

    public long version() {
        return snapshot().get("version").asLong();
    }

    public Answer call(HttpMethod method, String path, String token, String body) {
        var request = http.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        var result = (body == null
                        ? request.exchange()
                        : request.contentType(MediaType.APPLICATION_JSON)
                                .bodyValue(body)
                                .exchange())
                .expectBody(String.class)
                .returnResult();
        String text = result.getResponseBody();
        MediaType type = result.getResponseHeaders().getContentType();
        return new Answer(
                result.getStatus().value(),
                type == null ? null : type.toString(),
                text,
                text == null || text.isEmpty() ? null : JSON.readTree(text));
    }
}
