package io.streamgate.plugins.auth.jwt;

import static io.streamgate.plugins.auth.jwt.Tokens.claims;
import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpServer;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import io.streamgate.plugin.api.auth.AuthDecision;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import reactor.test.StepVerifier;

/**
 * The packaged plugin jar loaded through a real PF4J manager, and key sets served by a real HTTP server playing the
 * operator's identity system.
 */
@Tag("integration")
class JwtAuthBackendIntegrationTests {

    private static final Path JAR = Path.of("target", "auth-jwt-0.1.0-SNAPSHOT.jar");
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    static Path pluginsRoot;

    private static PluginManager plugins;
    private static AuthBackendFactory loaded;
    private static HttpServer idp;
    private static final AtomicInteger FETCHES = new AtomicInteger();
    private static final AtomicReference<String> SERVED = new AtomicReference<>();

    private final MutableClock clock = new MutableClock(Tokens.NOW);

    @BeforeAll
    static void loadPluginAndStartIdentitySystem() throws IOException {
        Files.copy(JAR, pluginsRoot.resolve(JAR.getFileName()));
        PluginJarManager manager = new PluginJarManager(pluginsRoot);
        manager.loadPlugins();
        manager.startPlugins();
        plugins = manager;
        // By plugin id: this module's own classes on the test class path also carry an index PF4J would read.
        loaded = manager.getExtensions(AuthBackendFactory.class, "auth-jwt").stream()
                .filter(f -> f.type().equals("jwt"))
                .findFirst()
                .orElseThrow();

        idp = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        idp.createContext("/jwks", exchange -> {
            FETCHES.incrementAndGet();
            byte[] body = SERVED.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        idp.start();
    }

    @AfterAll
    static void stop() {
        if (idp != null) {
            idp.stop(0);
        }
        if (plugins != null) {
            plugins.unloadPlugins();
        }
    }

    @BeforeEach
    void serveTheFirstKeys() {
        serve(Tokens.RSA, Tokens.EC);
        FETCHES.set(0);
    }

    @Test
    void theJarIsAStartedPluginWithAnExtensionIndexAndNimbusInside() throws IOException {
        try (JarFile jar = new JarFile(JAR.toFile())) {
            try (InputStream index = jar.getInputStream(jar.getEntry("META-INF/extensions.idx"))) {
                assertThat(new String(index.readAllBytes(), StandardCharsets.UTF_8))
                        .contains(JwtAuthBackendFactory.class.getName());
            }
            assertThat(jar.getEntry("com/nimbusds/jwt/SignedJWT.class")).isNotNull();
            assertThat(jar.getEntry("io/streamgate/plugin/api/Settings.class")).isNull();
            assertThat(jar.getManifest().getMainAttributes().getValue("Plugin-Id"))
                    .isEqualTo("auth-jwt");
        }
        PluginWrapper plugin = plugins.getPlugin("auth-jwt");
        assertThat(plugin.getPluginState()).isEqualTo(PluginState.STARTED);
        assertThat(loaded.getClass().getClassLoader()).isSameAs(plugin.getPluginClassLoader());
    }

    @Test
    void theLoadedFactoryVerifiesHs256AndInlineKeys() {
        AuthBackend hs = loaded.create(Settings.of(Map.of("secret", Tokens.SECRET)), context());
        AuthBackend inline = loaded.create(Settings.of(Map.of("jwks", Tokens.jwks(Tokens.RSA, Tokens.EC))), context());

        expect(hs, Tokens.hs256(claims("cam1")), "cam1", new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
        expect(
                hs,
                Tokens.hs256(claims("cam2")),
                "cam1",
                AuthDecision.deny("token is for another stream", Duration.ZERO));
        expect(
                inline,
                Tokens.rs256(Tokens.RSA, claims("cam1")),
                "cam1",
                new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
        expect(
                inline,
                Tokens.es256(Tokens.EC, claims("cam1")),
                "cam1",
                new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
    }

    @Test
    void theLoadedFactoryFetchesKeysThroughTheHostsCaller() {
        AuthBackend backend = loaded.create(Settings.of(Map.of("jwks_url", jwksUrl())), context());
        expect(
                backend,
                Tokens.rs256(Tokens.RSA, claims("cam1")),
                "cam1",
                new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
        assertThat(FETCHES.get()).isEqualTo(1);
    }

    @Test
    void rs256AndEs256VerifyWithKeysServedOverHttpFetchedOnce() {
        AuthBackend backend = remote();

        expect(
                backend,
                Tokens.rs256(Tokens.RSA, claims("cam1")),
                "cam1",
                new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
        expect(
                backend,
                Tokens.es256(Tokens.EC, claims("cam1")),
                "cam1",
                new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0));
        assertThat(FETCHES).hasValue(1);
    }

    @Test
    void keysAreRefreshedAfterTheInterval() {
        AuthBackend backend = remote();
        expect(backend, Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1", allowed());

        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        expect(backend, Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1", allowed());

        assertThat(FETCHES).hasValue(2);
    }

    @Test
    void anUnknownKidRefreshesOnceThenDenies() {
        AuthBackend backend = remote();
        expect(backend, Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1", allowed());
        clock.advance(RemoteKeys.MIN_REFETCH.plusSeconds(1));
        String unknown = Tokens.rs256(Tokens.rsa("r9"), claims("cam1"));

        expect(backend, unknown, "cam1", AuthDecision.deny("no key for kid r9", Duration.ZERO));
        assertThat(FETCHES).hasValue(2);
        expect(backend, unknown, "cam1", AuthDecision.deny("no key for kid r9", Duration.ZERO));
        assertThat(FETCHES).as("no second refresh within the minimum interval").hasValue(2);
    }

    @Test
    void aRotatedKeyIsPickedUpByTheUnknownKidRefresh() {
        AuthBackend backend = remote();
        expect(backend, Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1", allowed());
        RSAKey next = Tokens.rsa("r2");
        serve(Tokens.RSA, next);
        clock.advance(RemoteKeys.MIN_REFETCH.plusSeconds(1));

        expect(backend, Tokens.rs256(next, claims("cam1")), "cam1", allowed());
        assertThat(FETCHES).hasValue(2);
    }

    @Test
    void anUnreachableIdentitySystemWithNoKeysYetIsAnError() throws IOException {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        AuthBackend backend = new JwtAuthBackendFactory()
                .create(Settings.of(Map.of("jwks_url", "http://127.0.0.1:" + closedPort + "/jwks")), context());

        StepVerifier.create(
                        backend.check(JwtAuthBackendTests.request(Tokens.rs256(Tokens.RSA, claims("cam1")), "cam1")))
                .expectError()
                .verify(WAIT);
    }

    private AuthBackend remote() {
        return new JwtAuthBackendFactory()
                .create(Settings.of(Map.of("jwks_url", jwksUrl(), "jwks_refresh", "1m")), context());
    }

    private TestContext context() {
        return new TestContext(TestHttpCaller.allowingLoopback(), clock);
    }

    private static String jwksUrl() {
        return "http://127.0.0.1:" + idp.getAddress().getPort() + "/jwks";
    }

    private static void serve(RSAKey rsa, Object other) {
        List<com.nimbusds.jose.jwk.JWK> keys = other instanceof ECKey ec
                ? List.of(rsa.toPublicJWK(), ec.toPublicJWK())
                : List.of(rsa.toPublicJWK(), ((RSAKey) other).toPublicJWK());
        SERVED.set(new JWKSet(keys).toString());
    }

    private static AuthDecision allowed() {
        return new AuthDecision.Allow(Duration.ofMinutes(5), "user-7", 0);
    }

    private static void expect(AuthBackend backend, String token, String stream, AuthDecision decision) {
        StepVerifier.create(backend.check(JwtAuthBackendTests.request(token, stream)))
                .expectNext(decision)
                .expectComplete()
                .verify(WAIT);
    }
}
