package io.streamgate.control.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.TestServers;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The admin API for the resource catalog over the real PostgreSQL; rows are checked in the table itself. */
@Tag("integration")
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResourceAdminIntegrationTests {

    static final String ADMIN = "admin-token-for-resource-tests";
    static final String GATEWAY = "gateway-token-for-resource-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final String INVALID = "https://streamgate.io/problems/invalid-field";
    static final String CONFLICT = "https://streamgate.io/problems/conflict";
    static final String NOT_FOUND = "https://streamgate.io/problems/not-found";

    @LocalServerPort
    int port;

    OperatorApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, TestServers.freshChannel(), ADMIN, GATEWAY);
        registry.add("streamgate.control.reconcile.interval", () -> "1h");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestServers.dropSchema(SCHEMA);
    }

    @BeforeEach
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
    }

    @Test
    void theBuiltInsAreThereWithFixedIdsAndTheListIsOrderedByName() {
        Answer answer = api.admin(GET, "/admin/v1/resources", null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode resources = answer.json().get("resources");
        assertThat(resources.findValuesAsString("name"))
                .contains(
                        "traffic_out_bytes",
                        "viewer_seconds",
                        "stream_seconds",
                        "dvr_storage_byte_seconds",
                        "api_calls");
        List<String> names = resources.findValuesAsString("name");
        assertThat(names).isSorted();
        record BuiltIn(String id, String name, String method, String unit) {}
        for (BuiltIn builtIn : List.of(
                new BuiltIn("1", "traffic_out_bytes", "counter", "bytes"),
                new BuiltIn("2", "viewer_seconds", "counter", "seconds"),
                new BuiltIn("3", "stream_seconds", "counter", "seconds"),
                new BuiltIn("4", "dvr_storage_byte_seconds", "gauge", "byte_seconds"),
                new BuiltIn("5", "api_calls", "counter", "calls"))) {
            JsonNode shown = api.admin(GET, "/admin/v1/resources/" + builtIn.name(), null)
                    .json();
            assertThat(shown.get("id").asString()).isEqualTo(builtIn.id());
            assertThat(shown.get("method").asString()).as(builtIn.name()).isEqualTo(builtIn.method());
            assertThat(shown.get("unit").asString()).as(builtIn.name()).isEqualTo(builtIn.unit());
            assertThat(shown.get("description").asString()).isNotEmpty();
            assertThat(shown.get("created_at").isString()).isTrue();
        }
    }

    @Test
    void createsAResourceThatListingAndGettingShow() throws Exception {
        var result = TestServers.client(port)
                .post()
                .uri("/admin/v1/resources")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + ADMIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"name\": \"transcode_seconds\", \"method\": \"counter\", \"unit\": \"seconds\","
                        + " \"description\": \"Seconds of transcoding.\"}")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueEquals(HttpHeaders.LOCATION, "/admin/v1/resources/transcode_seconds")
                .expectBody(String.class)
                .returnResult();
        JsonNode created = OperatorApi.JSON.readTree(result.getResponseBody());
        assertThat(created.get("id").isString()).isTrue();
        assertThat(Long.parseLong(created.get("id").asString())).isGreaterThan(5);
        assertThat(created.get("name").asString()).isEqualTo("transcode_seconds");
        assertThat(created.get("method").asString()).isEqualTo("counter");
        assertThat(created.get("unit").asString()).isEqualTo("seconds");
        assertThat(created.get("description").asString()).isEqualTo("Seconds of transcoding.");
        assertThat(created.get("created_at").isString()).isTrue();

        Answer shown = api.admin(GET, "/admin/v1/resources/transcode_seconds", null);
        assertThat(shown.status()).isEqualTo(200);
        assertThat(shown.json()).isEqualTo(created);
        assertThat(api.admin(GET, "/admin/v1/resources", null).json().get("resources"))
                .contains(created);

        Answer gauge = api.admin(
                POST,
                "/admin/v1/resources",
                "{\"name\": \"recording_bytes\", \"method\": \"gauge\", \"unit\": \"bytes\"}");
        assertThat(gauge.status()).as(gauge.body()).isEqualTo(201);
        assertThat(gauge.json().get("method").asString()).isEqualTo("gauge");
        assertThat(gauge.json().get("description").isNull()).isTrue();
        assertThat(rows("recording_bytes")).isEqualTo(1);
    }

    @Test
    void aTakenNameIsAConflictNamingItAndNothingIsWritten() throws Exception {
        int before = rows();
        Answer again = api.admin(
                POST, "/admin/v1/resources", "{\"name\": \"api_calls\", \"method\": \"gauge\", \"unit\": \"calls\"}");
        assertThat(again.status()).as(again.body()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(again.problemType()).isEqualTo(CONFLICT);
        assertThat(again.field()).isEqualTo("name");
        assertThat(rows()).isEqualTo(before);
        assertThat(api.admin(GET, "/admin/v1/resources/api_calls", null)
                        .json()
                        .get("method")
                        .asString())
                .isEqualTo("counter");
    }

    @Test
    void everyInvalidFieldIsA400NamingItAndNothingIsWritten() throws Exception {
        int before = rows();
        String ok = "\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": \"bytes\"";
        String rest = "\"method\": \"counter\", \"unit\": \"bytes\"";
        record Bad(String body, String field) {}
        List<Bad> bads = new ArrayList<>(List.of(
                new Bad("{" + rest + "}", "name"),
                new Bad("{\"name\": null, " + rest + "}", "name"),
                new Bad("{\"name\": \"\", " + rest + "}", "name"),
                new Bad("{\"name\": \"BadName\", " + rest + "}", "name"),
                new Bad("{\"name\": \"bad-name\", " + rest + "}", "name"),
                new Bad("{\"name\": \"1st\", " + rest + "}", "name"),
                new Bad("{\"name\": \"_x\", " + rest + "}", "name"),
                new Bad("{\"name\": \"a/b\", " + rest + "}", "name"),
                new Bad("{\"name\": \"" + "a".repeat(65) + "\", " + rest + "}", "name"),
                new Bad("{\"name\": 5, " + rest + "}", "name"),
                new Bad("{\"name\": [\"x\"], " + rest + "}", "name"),
                new Bad("{\"name\": \"bad_one\", \"unit\": \"bytes\"}", "method"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"rate\", \"unit\": \"bytes\"}", "method"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"Counter\", \"unit\": \"bytes\"}", "method"),
                new Bad("{\"name\": \"bad_one\", \"method\": true, \"unit\": \"bytes\"}", "method"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"counter\"}", "unit"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": \"\"}", "unit"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": \"Bytes\"}", "unit"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": \"byte seconds\"}", "unit"),
                new Bad(
                        "{\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": \"" + "b".repeat(33) + "\"}",
                        "unit"),
                new Bad("{\"name\": \"bad_one\", \"method\": \"counter\", \"unit\": 8}", "unit"),
                new Bad("{" + ok + ", \"description\": \"" + "d".repeat(513) + "\"}", "description"),
                new Bad("{" + ok + ", \"description\": 42}", "description"),
                new Bad("{" + ok + ", \"description\": {\"text\": \"x\"}}", "description"),
                new Bad("{" + ok + ", \"colour\": \"red\"}", "colour")));
        for (Bad bad : bads) {
            Answer answer = api.admin(POST, "/admin/v1/resources", bad.body());
            assertThat(answer.status()).as(bad.body()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problemType()).as(bad.body()).isEqualTo(INVALID);
            assertThat(answer.field()).as(bad.body()).isEqualTo(bad.field());
            assertThat(answer.json().get("detail").asString()).as(bad.body()).contains(bad.field());
        }
        Answer all = api.admin(POST, "/admin/v1/resources", "{}");
        assertThat(all.status()).isEqualTo(400);
        assertThat(all.json().get("errors").findValuesAsString("field")).containsExactly("name", "method", "unit");
        for (String malformed : List.of("{\"name\": ", "[]", "\"x\"")) {
            Answer answer = api.admin(POST, "/admin/v1/resources", malformed);
            assertThat(answer.status()).as(malformed).isEqualTo(400);
            assertThat(answer.problemType()).as(malformed).isEqualTo("https://streamgate.io/problems/malformed-body");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void patchChangesTheDescriptionOnly() throws Exception {
        assertThat(api.admin(
                                POST,
                                "/admin/v1/resources",
                                "{\"name\": \"ingest_bytes\", \"method\": \"counter\", \"unit\": \"bytes\"}")
                        .status())
                .isEqualTo(201);
        Answer described =
                api.admin(PATCH, "/admin/v1/resources/ingest_bytes", "{\"description\": \"Bytes received.\"}");
        assertThat(described.status()).as(described.body()).isEqualTo(200);
        assertThat(described.json().get("description").asString()).isEqualTo("Bytes received.");
        assertThat(described.json().get("unit").asString()).isEqualTo("bytes");
        assertThat(description("ingest_bytes")).isEqualTo("Bytes received.");

        // The unchanged name, method and unit may be sent along: only a different value is a change.
        Answer same = api.admin(
                PATCH,
                "/admin/v1/resources/ingest_bytes",
                "{\"name\": \"ingest_bytes\", \"method\": \"counter\", \"unit\": \"bytes\", \"description\": \"In.\"}");
        assertThat(same.status()).as(same.body()).isEqualTo(200);
        assertThat(description("ingest_bytes")).isEqualTo("In.");

        Answer untouched = api.admin(PATCH, "/admin/v1/resources/ingest_bytes", "{}");
        assertThat(untouched.status()).isEqualTo(200);
        assertThat(untouched.json().get("description").asString()).isEqualTo("In.");

        Answer cleared = api.admin(PATCH, "/admin/v1/resources/ingest_bytes", "{\"description\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().get("description").isNull()).isTrue();
        assertThat(description("ingest_bytes")).isNull();

        // Built-ins may be described too.
        Answer builtIn = api.admin(PATCH, "/admin/v1/resources/api_calls", "{\"description\": \"Operator calls.\"}");
        assertThat(builtIn.status()).isEqualTo(200);
        assertThat(builtIn.json().get("id").asString()).isEqualTo("5");
    }

    @Test
    void patchingTheMeaningIsAConflictNamingTheFieldAndNothingIsWritten() throws Exception {
        String before = description("viewer_seconds");
        record Change(String body, String field) {}
        for (Change change : List.of(
                new Change("{\"method\": \"gauge\"}", "method"),
                new Change("{\"method\": \"gauge\", \"description\": \"changed\"}", "method"),
                new Change("{\"unit\": \"minutes\"}", "unit"),
                new Change("{\"unit\": \"minutes\", \"description\": \"changed\"}", "unit"),
                new Change("{\"unit\": null}", "unit"),
                new Change("{\"name\": \"watch_seconds\"}", "name"))) {
            Answer answer = api.admin(PATCH, "/admin/v1/resources/viewer_seconds", change.body());
            assertThat(answer.status()).as(change.body()).isEqualTo(409);
            assertThat(answer.contentType()).startsWith("application/problem+json");
            assertThat(answer.problemType()).as(change.body()).isEqualTo(CONFLICT);
            assertThat(answer.field()).as(change.body()).isEqualTo(change.field());
            assertThat(answer.json().get("detail").asString()).contains(change.field());
        }
        for (String bad : List.of(
                "{\"description\": \"" + "d".repeat(513) + "\"}",
                "{\"description\": 1}",
                "{\"description\": [\"x\"]}",
                "{\"colour\": \"red\"}")) {
            Answer answer = api.admin(PATCH, "/admin/v1/resources/viewer_seconds", bad);
            assertThat(answer.status()).as(bad).isEqualTo(400);
            assertThat(answer.problemType()).as(bad).isEqualTo(INVALID);
        }
        for (String notAnObject : List.of("[]", "\"x\"", "{\"description\": ")) {
            Answer answer = api.admin(PATCH, "/admin/v1/resources/viewer_seconds", notAnObject);
            assertThat(answer.status()).as(notAnObject).isEqualTo(400);
            assertThat(answer.problemType()).isEqualTo("https://streamgate.io/problems/malformed-body");
        }
        JsonNode shown =
                api.admin(GET, "/admin/v1/resources/viewer_seconds", null).json();
        assertThat(shown.get("method").asString()).isEqualTo("counter");
        assertThat(shown.get("unit").asString()).isEqualTo("seconds");
        assertThat(description("viewer_seconds")).isEqualTo(before);
    }

    @Test
    void unknownNamesAreNotFoundAndNamesNoResourceCanHaveAreInvalid() throws Exception {
        int before = rows();
        Answer missing = api.admin(GET, "/admin/v1/resources/no_such_thing", null);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.problemType()).isEqualTo(NOT_FOUND);
        Answer patchMissing = api.admin(PATCH, "/admin/v1/resources/no_such_thing", "{\"description\": \"x\"}");
        assertThat(patchMissing.status()).isEqualTo(404);
        assertThat(patchMissing.problemType()).isEqualTo(NOT_FOUND);
        for (String name : List.of("Upper", "a%2Fb", "with-dash")) {
            Answer bad = api.admin(GET, "/admin/v1/resources/" + name, null);
            assertThat(bad.status()).as(name).isEqualTo(400);
            assertThat(bad.problemType()).isEqualTo("https://streamgate.io/problems/invalid-name");
            assertThat(bad.field()).isEqualTo("name");
        }
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void resourcesAreNeverDeletedOrReplaced() throws Exception {
        int before = rows();
        for (var method : List.of(DELETE, PUT)) {
            Answer answer = api.admin(method, "/admin/v1/resources/api_calls", null);
            assertThat(answer.status()).as(method.name()).isEqualTo(405);
            assertThat(answer.problemType()).isEqualTo("https://streamgate.io/problems/method-not-allowed");
        }
        assertThat(api.admin(DELETE, "/admin/v1/resources", null).status()).isEqualTo(405);
        assertThat(rows()).isEqualTo(before);
    }

    @Test
    void theAdminTokenIsRequired() throws Exception {
        int before = rows();
        String body = "{\"name\": \"sneaky\", \"method\": \"counter\", \"unit\": \"bytes\"}";
        for (String token : List.of("wrong", GATEWAY)) {
            assertThat(api.call(GET, "/admin/v1/resources", token, null).status())
                    .isEqualTo(401);
            assertThat(api.call(GET, "/admin/v1/resources/api_calls", token, null)
                            .status())
                    .isEqualTo(401);
            Answer created = api.call(POST, "/admin/v1/resources", token, body);
            assertThat(created.status()).isEqualTo(401);
            assertThat(created.problemType()).isEqualTo("https://streamgate.io/problems/unauthorized");
            assertThat(api.call(PATCH, "/admin/v1/resources/api_calls", token, "{\"description\": \"x\"}")
                            .status())
                    .isEqualTo(401);
        }
        String key =
                api.createProject("resource_tests", List.of()).get("api_key").asString();
        assertThat(api.call(POST, "/admin/v1/resources", key, body).status()).isEqualTo(401);
        assertThat(rows()).isEqualTo(before);
        assertThat(rows("sneaky")).isZero();
    }

    private static int rows() throws Exception {
        return count("SELECT count(*) FROM resources");
    }

    private static int rows(String name) throws Exception {
        return count("SELECT count(*) FROM resources WHERE name = '" + name + "'");
    }

    private static int count(String sql) throws Exception {
        try (Connection connection = TestServers.jdbc(SCHEMA);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        }
    }

    private static String description(String name) throws Exception {
        try (Connection connection = TestServers.jdbc(SCHEMA);
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("SELECT description FROM resources WHERE name = '" + name + "'")) {
            assertThat(result.next()).as(name).isTrue();
            return result.getString(1);
        }
    }
}
