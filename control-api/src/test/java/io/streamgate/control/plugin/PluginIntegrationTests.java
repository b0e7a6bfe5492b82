package io.streamgate.control.plugin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import io.streamgate.control.OperatorApi;
import io.streamgate.control.OperatorApi.Answer;
import io.streamgate.control.TestServers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The plugin host of the control API over its own plugins folder (a copy of the built-in jars), with private targets
 * refused as in production: the admin list, reload, a jar dropped in at run time, and an SSRF target refused on save.
 */
@Tag("integration")
// Each class runs control-api against its own schema and streamers: close it afterwards so its pollers and
// plugin host do not keep running beside the next class's.
@DirtiesContext
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class PluginIntegrationTests {

    static final String ADMIN = "admin-token-for-plugin-tests";
    static final String GATEWAY = "gateway-token-for-plugin-tests";
    static final String SCHEMA = TestServers.freshSchema();
    static final Path FOLDER = folderWithBuiltIns();
    static final List<String> BUILT_INS =
            List.of("auth-acl", "auth-http", "auth-jwt", "auth-token", "protocol-dash", "protocol-hls");

    @LocalServerPort
    int port;

    OperatorApi api;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestServers.register(registry, SCHEMA, TestServers.freshChannel(), ADMIN, GATEWAY);
        registry.add("streamgate.control.plugins.folder", FOLDER::toString);
        registry.add("streamgate.control.plugins.allow-private-targets", () -> "false");
    }

    @AfterAll
    static void cleanUp() throws Exception {
        TestServers.dropSchema(SCHEMA);
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(FOLDER);
    }

    @BeforeEach
    void setUp() {
        api = new OperatorApi(port, ADMIN, GATEWAY);
    }

    @Test
    void builtInsAreListedStartedAndSurviveAReload() {
        Answer listed = api.admin(GET, "/admin/v1/plugins", null);
        assertThat(listed.status()).isEqualTo(200);
        assertBuiltInsStarted(listed.json());
        JsonNode token = plugin(listed.json(), "auth-token");
        assertThat(token.get("jar").asString()).isEqualTo("auth-token.jar");
        assertThat(token.get("version").asString()).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(token.get("extension_types").get(0).asString()).isEqualTo("auth:token");
        assertThat(plugin(listed.json(), "protocol-hls")
                        .get("extension_types")
                        .get(0)
                        .asString())
                .isEqualTo("protocol:hls");

        Answer reloaded = api.admin(POST, "/admin/v1/plugins/reload", null);
        assertThat(reloaded.status()).as(reloaded.body()).isEqualTo(200);
        assertBuiltInsStarted(reloaded.json());
        assertThat(api.call(GET, "/admin/v1/plugins", "wrong", null).status()).isEqualTo(401);
    }

    @Test
    void aPrivateTargetIsRefusedWhenPrivateTargetsAreNotAllowed() throws Exception {
        JsonNode project = api.createProject("ssrf", List.of());
        String key = project.get("api_key").asString();
        long version = api.version();
        for (String url : List.of("http://127.0.0.1:1/", "http://169.254.169.254/", "http://10.1.2.3/auth")) {
            Answer refused = api.call(
                    PUT,
                    "/api/v1/auth-backends/ext",
                    key,
                    "{\"type\": \"http\", \"settings\": {\"url\": \"" + url + "\"}}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.problemType()).isEqualTo("https://streamgate.io/problems/invalid-field");
            assertThat(refused.field()).as(refused.body()).isEqualTo("settings.url");
        }
        assertThat(rows(project.get("id").asString())).isZero();
        assertThat(api.version()).isEqualTo(version);
    }

    @Test
    void aJarDroppedInTakesEffectAfterAReload() throws Exception {
        JsonNode project = api.createProject("drop-in", List.of());
        String key = project.get("api_key").asString();
        String weekday =
                "{\"type\": \"weekday\", \"settings\": {\"days\": [\"MONDAY\", \"FRIDAY\"], \"zone\": \"UTC\"}}";
        Answer before = api.call(PUT, "/api/v1/auth-backends/weekdays", key, weekday);
        assertThat(before.status()).isEqualTo(400);
        assertThat(before.field()).isEqualTo("type");

        Files.copy(
                Path.of("target", "drop-in", "weekday-auth.jar"),
                FOLDER.resolve("weekday-auth.jar"),
                StandardCopyOption.REPLACE_EXISTING);
        Answer reloaded = api.admin(POST, "/admin/v1/plugins/reload", null);
        assertThat(reloaded.status()).isEqualTo(200);
        JsonNode dropped = plugin(reloaded.json(), "weekday-auth");
        assertThat(dropped.get("state").asString()).isEqualTo("STARTED");
        assertThat(dropped.get("extension_types").get(0).asString()).isEqualTo("auth:weekday");
        assertBuiltInsStarted(reloaded.json());

        Answer saved = api.call(PUT, "/api/v1/auth-backends/weekdays", key, weekday);
        assertThat(saved.status()).as(saved.body()).isEqualTo(201);
        Answer bad = api.call(
                PUT,
                "/api/v1/auth-backends/weekdays",
                key,
                "{\"type\": \"weekday\", \"settings\": {\"days\": [\"FUNDAY\"]}}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.field()).as(bad.body()).startsWith("settings.days");
    }

    private static void assertBuiltInsStarted(JsonNode list) {
        for (String id : BUILT_INS) {
            JsonNode plugin = plugin(list, id);
            assertThat(plugin.get("state").asString()).as(id).isEqualTo("STARTED");
            assertThat(plugin.get("extension_types")).as(id).isNotEmpty();
        }
    }

    private static JsonNode plugin(JsonNode list, String id) {
        for (JsonNode plugin : list.get("plugins")) {
            if (id.equals(plugin.get("id").asString())) {
                return plugin;
            }
        }
        throw new AssertionError(id + " not listed: " + list);
    }

    private static long rows(String projectId) throws Exception {
        try (Connection connection = TestServers.jdbc(SCHEMA);
                PreparedStatement statement =
                        connection.prepareStatement("SELECT COUNT(*) FROM auth_backends WHERE project_id = ?")) {
            statement.setLong(1, Long.parseLong(projectId));
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    /** This class's own plugins folder, holding copies of the six built-in jars. */
    private static Path folderWithBuiltIns() {
        try {
            Path folder = Files.createTempDirectory("control-plugins-");
            try (Stream<Path> jars = Files.list(Path.of("target", "plugins"))) {
                for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                    Files.copy(jar, folder.resolve(jar.getFileName()));
                }
            }
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
