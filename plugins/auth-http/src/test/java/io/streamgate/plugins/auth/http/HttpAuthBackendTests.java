package io.streamgate.plugins.auth.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/** What the {@code http} backend sends and how it reads the service's answer. */
class HttpAuthBackendTests {

    private static final PlayRequest REQUEST =
            new PlayRequest("1001", "cam1", "203.0.113.7", "t&k=n", "https://site/p?q", "VLC \"3\"", "hls", "s-1");

    @Test
    void getSendsFlussonicParametersInTheQueryAfterTheUrlsOwn() {
        HttpCall call =
                backend(Map.of("url", "http://auth.example.com/play?key=1")).call(REQUEST);

        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.target().getRawQuery())
                .isEqualTo("key=1&name=cam1&ip=203.0.113.7&token=t%26k%3Dn&referer=https%3A%2F%2Fsite%2Fp%3Fq"
                        + "&user_agent=VLC+%223%22&proto=hls&session_id=s-1&project=1001");
        assertThat(call.body()).isEmpty();
        assertThat(call.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void getLeavesAbsentFieldsOut() {
        PlayRequest bare = new PlayRequest("1001", "cam1", "203.0.113.7", null, null, null, "dash", "s-2");

        HttpCall call = backend(Map.of("url", "http://auth.example.com/play")).call(bare);

        assertThat(call.target().getRawQuery())
                .isEqualTo("name=cam1&ip=203.0.113.7&proto=dash&session_id=s-2&project=1001");
    }

    @Test
    void postSendsAJsonBodyWithNullsAndTheStaticHeaders() {
        PlayRequest odd = new PlayRequest("1001", "cam1", "::1", null, null, "a\\b\n", "hls", "s-3");

        HttpCall call = backend(Map.of(
                        "url", "http://auth.example.com/play",
                        "method", "POST",
                        "timeout", "500ms",
                        "headers", Map.of("Authorization", "Bearer k")))
                .call(odd);

        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.target().toString()).isEqualTo("http://auth.example.com/play");
        assertThat(new String(call.body(), StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"name\":\"cam1\",\"ip\":\"::1\",\"token\":null,\"referer\":null,"
                                + "\"user_agent\":\"a\\\\b\\u000a\",\"proto\":\"hls\",\"session_id\":\"s-3\",\"project\":\"1001\"}");
        assertThat(call.headers())
                .containsEntry("Authorization", List.of("Bearer k"))
                .containsEntry("Content-Type", List.of("application/json"));
        assertThat(call.timeout()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void twoHundredsAllowWithTheDefaultCacheTime() {
        assertThat(decide(200, Map.of())).isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0));
        assertThat(decide(204, Map.of())).isInstanceOf(AuthDecision.Allow.class);
    }

    @Test
    void everyOtherStatusDenies() {
        for (int status : List.of(301, 302, 400, 401, 403, 404, 500, 503)) {
            assertThat(decide(status, Map.of()))
                    .isEqualTo(new AuthDecision.Deny("auth service answered " + status, Duration.ofSeconds(30)));
        }
    }

    @Test
    void authDurationSetsTheCacheTimeOfAllowsAndDenies() {
        assertThat(decide(200, Map.of("X-AuthDuration", "120")).cacheFor()).isEqualTo(Duration.ofSeconds(120));
        assertThat(decide(403, Map.of("x-authduration", " 5 ")).cacheFor()).isEqualTo(Duration.ofSeconds(5));
        assertThat(decide(200, Map.of("X-AuthDuration", "0")).cacheFor()).isZero();
    }

    @Test
    void authDurationIsCappedAtOneHour() {
        assertThat(decide(200, Map.of("X-AuthDuration", "999999")).cacheFor()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void cacheControlMaxAgeIsHonouredWhenAuthDurationIsAbsentOrMalformed() {
        assertThat(decide(200, Map.of("Cache-Control", "private, max-age=45")).cacheFor())
                .isEqualTo(Duration.ofSeconds(45));
        assertThat(decide(200, Map.of("Cache-Control", "max-age=\"7\"", "X-AuthDuration", "soon"))
                        .cacheFor())
                .isEqualTo(Duration.ofSeconds(7));
        assertThat(decide(200, Map.of("Cache-Control", "max-age=12", "X-AuthDuration", "3"))
                        .cacheFor())
                .isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void malformedHeadersFallBackToDefaultsAndNeverFail() {
        AuthDecision decision = decide(
                200,
                Map.of(
                        "X-AuthDuration", "-5",
                        "Cache-Control", "max-age=abc",
                        "X-UserId", " ",
                        "X-Max-Sessions", "many"));

        assertThat(decision).isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0));
        assertThat(decide(200, Map.of("X-AuthDuration", "1.5", "X-Max-Sessions", "-1")))
                .isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0));
        assertThat(decide(200, Map.of("X-UserId", "u".repeat(257), "X-Max-Sessions", "99999999999")))
                .isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), null, 0));
    }

    @Test
    void userIdAndMaxSessionsAreRead() {
        assertThat(decide(200, Map.of("X-UserId", "user-42", "X-Max-Sessions", "3")))
                .isEqualTo(new AuthDecision.Allow(Duration.ofSeconds(30), "user-42", 3));
    }

    @Test
    void aFailedCallIsAnErrorNotADeny() {
        HttpAuthBackend backend = new HttpAuthBackend(
                settings(Map.of("url", "http://auth.example.com/")),
                failing(new java.io.IOException("connection refused")));

        StepVerifier.create(backend.check(REQUEST))
                .expectError(java.io.IOException.class)
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void checkSendsTheCallAndDecides() {
        AtomicReference<HttpCall> seen = new AtomicReference<>();
        HttpAuthBackend backend = new HttpAuthBackend(
                settings(Map.of("url", "http://auth.example.com/")),
                answering(seen, new HttpAnswer(200, Map.of("X-AuthDuration", List.of("60")))));

        StepVerifier.create(backend.check(REQUEST))
                .expectNext(new AuthDecision.Allow(Duration.ofSeconds(60), null, 0))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
        assertThat(seen.get().target().getRawQuery()).contains("name=cam1");
    }

    @Test
    void cacheKeyIgnoresTheSessionIdButEveryFieldTheServiceDecidesOn() {
        HttpAuthBackend backend = backend(Map.of("url", "http://auth.example.com/"));
        String key = backend.cacheKey(REQUEST);

        assertThat(backend.cacheKey(withSession(REQUEST, "s-other"))).isEqualTo(key);
        assertThat(List.of(
                        new PlayRequest(
                                "1001", "cam2", "203.0.113.7", "t&k=n", "https://site/p?q", "VLC \"3\"", "hls", "s-1"),
                        new PlayRequest(
                                "1001", "cam1", "203.0.113.8", "t&k=n", "https://site/p?q", "VLC \"3\"", "hls", "s-1"),
                        new PlayRequest(
                                "1001", "cam1", "203.0.113.7", "other", "https://site/p?q", "VLC \"3\"", "hls", "s-1"),
                        new PlayRequest("1001", "cam1", "203.0.113.7", "t&k=n", null, "VLC \"3\"", "hls", "s-1"),
                        new PlayRequest(
                                "1001", "cam1", "203.0.113.7", "t&k=n", "https://site/p?q", "VLC", "hls", "s-1"),
                        new PlayRequest(
                                "1001",
                                "cam1",
                                "203.0.113.7",
                                "t&k=n",
                                "https://site/p?q",
                                "VLC \"3\"",
                                "dash",
                                "s-1")))
                .extracting(backend::cacheKey)
                .doesNotContain(key)
                .doesNotHaveDuplicates();
    }

    @Test
    void cacheKeyTellsAbsentFromEmptyAndFieldBoundariesApart() {
        HttpAuthBackend backend = backend(Map.of("url", "http://auth.example.com/"));

        assertThat(backend.cacheKey(new PlayRequest("1", "s", "ip", null, "", null, "hls", "x")))
                .isNotEqualTo(backend.cacheKey(new PlayRequest("1", "s", "ip", "", null, null, "hls", "x")));
        assertThat(backend.cacheKey(new PlayRequest("1", "s", "ip", "ab", "c", null, "hls", "x")))
                .isNotEqualTo(backend.cacheKey(new PlayRequest("1", "s", "ip", "a", "bc", null, "hls", "x")));
    }

    @Test
    void factoryNamesItsType() {
        assertThat(new HttpAuthBackendFactory().type()).isEqualTo("http");
        assertThat(new HttpAuthBackendFactory()
                        .create(
                                Settings.of(Map.of("url", "http://auth.example.com/")),
                                new TestContext(TestHttpCaller.guarded())))
                .isInstanceOf(HttpAuthBackend.class);
    }

    private static AuthDecision decide(int status, Map<String, String> headers) {
        Map<String, List<String>> multi = new java.util.HashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return backend(Map.of("url", "http://auth.example.com/")).decide(new HttpAnswer(status, multi));
    }

    private static HttpAuthBackend backend(Map<String, ?> raw) {
        return new HttpAuthBackend(settings(raw), TestHttpCaller.guarded());
    }

    private static HttpAuthSettings settings(Map<String, ?> raw) {
        return HttpAuthSettings.from(Settings.of(raw), TestHttpCaller.guarded());
    }

    private static PlayRequest withSession(PlayRequest r, String sessionId) {
        return new PlayRequest(
                r.projectId(),
                r.stream(),
                r.clientIp(),
                r.token(),
                r.referer(),
                r.userAgent(),
                r.protocol(),
                sessionId);
    }

    private static io.streamgate.plugin.api.http.HttpCaller failing(Throwable error) {
        return new io.streamgate.plugin.api.http.HttpCaller() {
            @Override
            public void checkTarget(java.net.URI target) {}

            @Override
            public Mono<HttpAnswer> call(HttpCall call) {
                return Mono.error(error);
            }
        };
    }

    private static io.streamgate.plugin.api.http.HttpCaller answering(
            AtomicReference<HttpCall> seen, HttpAnswer answer) {
        return new io.streamgate.plugin.api.http.HttpCaller() {
            @Override
            public void checkTarget(java.net.URI target) {}

            @Override
            public Mono<HttpAnswer> call(HttpCall call) {
                seen.set(call);
                return Mono.just(answer);
            }
        };
    }
}
