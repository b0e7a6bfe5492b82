package io.streamgate.plugins.auth.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every settings rule of the {@code http} backend, accepted and rejected. */
class HttpAuthSettingsTests {

    private static final String URL = "http://auth.example.com/on_play";

    @Test
    void defaults() {
        HttpAuthSettings settings = parse(Map.of("url", URL));

        assertThat(settings.url()).isEqualTo(URI.create(URL));
        assertThat(settings.method()).isEqualTo("GET");
        assertThat(settings.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.defaultCacheFor()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.headers()).isEmpty();
    }

    @Test
    void unknownKeyIsRejected() {
        assertInvalid(Map.of("url", URL, "uri", URL), "uri");
    }

    @Test
    void urlIsRequired() {
        assertInvalid(Map.of(), "url");
    }

    @Test
    void urlAcceptsHttpAndHttpsWithQuery() {
        assertThat(parse(Map.of("url", "https://auth.example.com:8443/check?key=1"))
                        .url()
                        .getRawQuery())
                .isEqualTo("key=1");
        assertThat(parse(Map.of("url", "HTTP://auth.example.com/")).url().getHost())
                .isEqualTo("auth.example.com");
    }

    @Test
    void urlRejectsOtherSchemesRelativeUserInfoFragmentAndSyntax() {
        for (String bad : List.of(
                "ftp://auth.example.com/",
                "/on_play",
                "http:///nohost",
                "http://user:pw@auth.example.com/",
                "http://auth.example.com/#x",
                "http://auth example.com/")) {
            assertInvalid(Map.of("url", bad), "url");
        }
    }

    @Test
    void urlAcceptsUpTo2048Characters() {
        String longest = URL + "?" + "a".repeat(2048 - URL.length() - 1);
        assertThat(parse(Map.of("url", longest)).url().toString()).hasSize(2048);
        assertInvalid(Map.of("url", longest + "a"), "url");
    }

    @Test
    void urlRefusedByTheHostGuardIsInvalid() {
        assertThatThrownBy(() -> parse(Map.of("url", "http://127.0.0.1:9/on_play")))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo("url"))
                .hasMessageContaining("forbidden address");
        assertInvalid(Map.of("url", "http://169.254.169.254/latest"), "url");
        assertInvalid(Map.of("url", "http://10.0.0.1/"), "url");
    }

    @Test
    void methodAcceptsGetAndPostInAnyCase() {
        assertThat(parse(Map.of("url", URL, "method", "POST")).method()).isEqualTo("POST");
        assertThat(parse(Map.of("url", URL, "method", "get")).method()).isEqualTo("GET");
    }

    @Test
    void methodRejectsOthers() {
        assertInvalid(Map.of("url", URL, "method", "PUT"), "method");
        assertInvalid(Map.of("url", URL, "method", 1), "method");
    }

    @Test
    void timeoutAcceptsFrom100msTo10s() {
        assertThat(parse(Map.of("url", URL, "timeout", "100ms")).timeout()).isEqualTo(Duration.ofMillis(100));
        assertThat(parse(Map.of("url", URL, "timeout", "10s")).timeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void timeoutRejectsOutOfRangeAndGarbage() {
        assertInvalid(Map.of("url", URL, "timeout", "99ms"), "timeout");
        assertInvalid(Map.of("url", URL, "timeout", "11s"), "timeout");
        assertInvalid(Map.of("url", URL, "timeout", "soon"), "timeout");
    }

    @Test
    void defaultCacheForAcceptsZeroToOneHour() {
        assertThat(parse(Map.of("url", URL, "default_cache_for", "0s")).defaultCacheFor())
                .isZero();
        assertThat(parse(Map.of("url", URL, "default_cache_for", "1h")).defaultCacheFor())
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void defaultCacheForRejectsOutOfRange() {
        assertInvalid(Map.of("url", URL, "default_cache_for", "61m"), "default_cache_for");
        assertInvalid(Map.of("url", URL, "default_cache_for", "-1s"), "default_cache_for");
    }

    @Test
    void headersAcceptsUpTo16StaticHeaders() {
        Map<String, Object> headers = new LinkedHashMap<>();
        for (int i = 0; i < 16; i++) {
            headers.put("X-H" + i, "v" + i);
        }
        headers.put("X-H0", "Bearer abc def");

        HttpAuthSettings settings = parse(Map.of("url", URL, "headers", headers));

        assertThat(settings.headers()).hasSize(16).containsEntry("X-H0", List.of("Bearer abc def"));
    }

    @Test
    void headersRejectsMoreThan16() {
        Map<String, Object> headers = new HashMap<>();
        for (int i = 0; i < 17; i++) {
            headers.put("X-H" + i, "v");
        }
        assertInvalid(Map.of("url", URL, "headers", headers), "headers");
    }

    @Test
    void headersMustBeAnObject() {
        assertInvalid(Map.of("url", URL, "headers", List.of("Authorization: x")), "headers");
    }

    @Test
    void headersRejectsHostContentLengthAndOtherFraming() {
        assertInvalid(Map.of("url", URL, "headers", Map.of("Host", "evil")), "headers.Host");
        assertInvalid(Map.of("url", URL, "headers", Map.of("content-length", "1")), "headers.content-length");
        assertInvalid(
                Map.of("url", URL, "headers", Map.of("Transfer-Encoding", "chunked")), "headers.Transfer-Encoding");
    }

    @Test
    void headersRejectsBadNamesAndValues() {
        assertInvalid(Map.of("url", URL, "headers", Map.of("X Bad", "v")), "headers.X Bad");
        assertInvalid(Map.of("url", URL, "headers", Map.of("X-Ok", "a\r\nInjected: 1")), "headers.X-Ok");
        assertInvalid(Map.of("url", URL, "headers", Map.of("X-Ok", 5)), "headers.X-Ok");
        assertInvalid(Map.of("url", URL, "headers", Map.of("X-Ok", "x".repeat(4097))), "headers.X-Ok");
    }

    @Test
    void headerValuesAreNeverEchoedInErrors() {
        assertThatThrownBy(() -> parse(Map.of("url", URL, "headers", Map.of("Authorization", "secret\n"))))
                .isInstanceOf(InvalidSettingsException.class)
                .message()
                .doesNotContain("secret");
    }

    private static HttpAuthSettings parse(Map<String, ?> raw) {
        return HttpAuthSettings.from(Settings.of(raw), TestHttpCaller.guarded());
    }

    private static void assertInvalid(Map<String, ?> raw, String key) {
        assertThatThrownBy(() -> parse(raw))
                .isInstanceOfSatisfying(
                        InvalidSettingsException.class, e -> assertThat(e.key()).isEqualTo(key))
                .hasMessageStartingWith(key + ":");
    }
}
