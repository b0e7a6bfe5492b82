package io.streamgate.plugin.host.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

@Tag("integration")
class GuardedHttpCallerIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private static DisposableServer server;
    private static final AtomicInteger privateHits = new AtomicInteger();
    private static final AtomicReference<String> seenHost = new AtomicReference<>();
    private static final AtomicReference<String> seenBody = new AtomicReference<>();

    private final GuardedHttpCaller guarded = new GuardedHttpCaller(false);
    private final GuardedHttpCaller open = new GuardedHttpCaller(true);

    @BeforeAll
    static void startServer() {
        server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .route(routes -> routes.get("/ok", (request, response) -> {
                            seenHost.set(request.requestHeaders().get("Host"));
                            return response.header("X-Answer", "yes").sendString(Mono.just("fine"));
                        })
                        .post("/echo", (request, response) -> request.receive()
                                .aggregate()
                                .asString(StandardCharsets.UTF_8)
                                .doOnNext(seenBody::set)
                                .then(response.status(204).send()))
                        .get("/redirect", (request, response) -> response.status(302)
                                .header("Location", "http://127.0.0.1:" + server.port() + "/private")
                                .send())
                        .get("/private", (request, response) -> {
                            privateHits.incrementAndGet();
                            return response.sendString(Mono.just("secret"));
                        })
                        .get(
                                "/big",
                                (request, response) -> response.sendString(reactor.core.publisher.Flux.range(0, 10_000)
                                        .map(i -> "x".repeat(1024))))
                        .get("/hang", (request, response) -> Mono.never()))
                .bindNow();
    }

    @AfterAll
    static void stopServer() {
        server.disposeNow();
    }

    @org.junit.jupiter.api.AfterEach
    void closeCallers() {
        guarded.close();
        open.close();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://127.0.0.1/x", "http://[::1]/x", "http://169.254.169.254/latest/meta-data/", "http://10.1.2.3/",
                "https://localhost/", "http://[::ffff:127.0.0.1]/", "http://0.0.0.0:8080/", "http://192.168.0.10/"
            })
    void refusesForbiddenTargetsOnSaveAndOnCall(String target) {
        assertThatThrownBy(() -> guarded.checkTarget(URI.create(target)))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessageContaining("(expected: a public address, unless the admin allows private targets)");

        StepVerifier.create(guarded.call(get(target + "?token=secret", Duration.ofSeconds(2))))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOf(RefusedTargetException.class)
                        .hasMessageNotContaining("secret"))
                .verify(WAIT);
    }

    @Test
    void refusesOtherSchemesAndHostlessTargets() {
        assertThatThrownBy(() -> guarded.checkTarget(URI.create("ftp://example.com/x")))
                .isInstanceOf(RefusedTargetException.class)
                .hasMessage("target: 'ftp://example.com' has scheme 'ftp' (expected: http or https)");
        assertThatThrownBy(() -> guarded.checkTarget(URI.create("file:///etc/passwd")))
                .isInstanceOf(RefusedTargetException.class);
        StepVerifier.create(guarded.call(get("http:///x", Duration.ofSeconds(2))))
                .expectError(RefusedTargetException.class)
                .verify(WAIT);
    }

    @Test
    void aLocalServerIsReachedOnlyWhenPrivateTargetsAreAllowed() {
        String target = "http://localhost:" + server.port() + "/ok";
        open.checkTarget(URI.create(target));

        StepVerifier.create(open.call(get(target, Duration.ofSeconds(5))))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.header("x-answer")).isEqualTo("yes");
                    assertThat(answer.bodyText()).isEqualTo("fine");
                })
                .expectComplete()
                .verify(WAIT);
        // Connected by address, yet the request still names the host it was written for.
        assertThat(seenHost.get()).isEqualTo("localhost:" + server.port());

        StepVerifier.create(guarded.call(get(target, Duration.ofSeconds(5))))
                .expectError(RefusedTargetException.class)
                .verify(WAIT);
    }

    @Test
    void postsTheBody() {
        HttpCall call = new HttpCall(
                "POST",
                URI.create("http://127.0.0.1:" + server.port() + "/echo"),
                Map.of("Content-Type", List.of("text/plain")),
                "name=cam".getBytes(StandardCharsets.UTF_8),
                Duration.ofSeconds(5));
        StepVerifier.create(open.call(call))
                .assertNext(answer -> assertThat(answer.status()).isEqualTo(204))
                .expectComplete()
                .verify(WAIT);
        assertThat(seenBody.get()).isEqualTo("name=cam");
    }

    @Test
    void aRedirectIsReturnedNotFollowed() {
        privateHits.set(0);
        StepVerifier.create(open.call(get("http://127.0.0.1:" + server.port() + "/redirect", Duration.ofSeconds(5))))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(302);
                    assertThat(answer.header("Location")).endsWith("/private");
                })
                .expectComplete()
                .verify(WAIT);
        assertThat(privateHits).hasValue(0);
    }

    @Test
    void aLargeBodyIsCutOffAndTheAnswerStillReturned() {
        StepVerifier.create(open.call(get("http://127.0.0.1:" + server.port() + "/big", Duration.ofSeconds(5))))
                .assertNext(answer -> {
                    assertThat(answer.status()).isEqualTo(200);
                    assertThat(answer.body()).hasSize(GuardedHttpCaller.MAX_BODY_BYTES);
                })
                .expectComplete()
                .verify(WAIT);
    }

    @Test
    void theTimeoutBoundsAHangingServer() {
        StepVerifier.create(open.call(get("http://127.0.0.1:" + server.port() + "/hang", Duration.ofMillis(300))))
                .expectError(TimeoutException.class)
                .verify(WAIT);
    }

    private static HttpCall get(String target, Duration timeout) {
        return new HttpCall("GET", URI.create(target), Map.of(), null, timeout);
    }
}
