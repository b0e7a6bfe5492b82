package com.example.weekday;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.http.HttpCaller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class WeekdayAuthFactoryTests {

    /** Saturday 2026-01-03 23:30 UTC, which is already Sunday in Europe/Paris. */
    private static final Instant SATURDAY_NIGHT_UTC = Instant.parse("2026-01-03T23:30:00Z");

    private static final PlayRequest REQUEST =
            new PlayRequest("11", "live", "203.0.113.7", null, null, null, "hls", "s1");

    private static AuthBackendContext context(Instant now) {
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        return new AuthBackendContext() {
            @Override
            public String projectId() {
                return "11";
            }

            @Override
            public String backendName() {
                return "weekends";
            }

            @Override
            public Clock clock() {
                return clock;
            }

            @Override
            public HttpCaller http() {
                throw new UnsupportedOperationException("weekday makes no calls");
            }
        };
    }

    private static AuthBackend create(Map<String, ?> settings) {
        return new WeekdayAuthFactory().create(Settings.of(settings), context(SATURDAY_NIGHT_UTC));
    }

    private static void assertInvalid(Map<String, ?> settings, String key) {
        assertThatThrownBy(() -> create(settings))
                .isInstanceOf(InvalidSettingsException.class)
                .satisfies(e -> assertThat(((InvalidSettingsException) e).key()).isEqualTo(key))
                .hasMessageStartingWith(key + ": ");
    }

    private static void assertDecision(AuthBackend backend, Class<? extends AuthDecision> expected) {
        StepVerifier.create(backend.check(REQUEST))
                .assertNext(decision -> assertThat(decision).isInstanceOf(expected))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void typeIsWeekday() {
        assertThat(new WeekdayAuthFactory().type()).isEqualTo("weekday");
    }

    @Test
    void daysAcceptsDayNames() {
        assertDecision(create(Map.of("days", List.of("SATURDAY"))), AuthDecision.Allow.class);
        assertDecision(create(Map.of("days", List.of("MONDAY", "FRIDAY"))), AuthDecision.Deny.class);
    }

    @Test
    void daysIsRequired() {
        assertInvalid(Map.of(), "days");
    }

    @Test
    void daysRejectsAnEmptyList() {
        assertInvalid(Map.of("days", List.of()), "days");
    }

    @Test
    void daysRejectsUnknownNamesAndNonStrings() {
        assertInvalid(Map.of("days", List.of("SATURDAY", "Caturday")), "days[1]");
        assertInvalid(Map.of("days", List.of("saturday")), "days[0]");
        assertInvalid(Map.of("days", List.of(6)), "days[0]");
        assertInvalid(Map.of("days", "SATURDAY"), "days");
    }

    @Test
    void daysRejectsMoreThanSeven() {
        assertInvalid(
                Map.of(
                        "days",
                        List.of(
                                "MONDAY",
                                "TUESDAY",
                                "WEDNESDAY",
                                "THURSDAY",
                                "FRIDAY",
                                "SATURDAY",
                                "SUNDAY",
                                "MONDAY")),
                "days");
    }

    @Test
    void zoneDefaultsToUtc() {
        assertDecision(create(Map.of("days", List.of("SUNDAY"))), AuthDecision.Deny.class);
    }

    @Test
    void zoneAcceptsAnIanaId() {
        assertDecision(create(Map.of("days", List.of("SUNDAY"), "zone", "Europe/Paris")), AuthDecision.Allow.class);
        assertDecision(create(Map.of("days", List.of("SATURDAY"), "zone", "Europe/Paris")), AuthDecision.Deny.class);
    }

    @Test
    void zoneRejectsAnUnknownId() {
        assertInvalid(Map.of("days", List.of("SUNDAY"), "zone", "Mars/Olympus"), "zone");
        assertInvalid(Map.of("days", List.of("SUNDAY"), "zone", ""), "zone");
    }

    @Test
    void unknownSettingIsRejected() {
        assertInvalid(Map.of("days", List.of("SUNDAY"), "timezone", "UTC"), "timezone");
    }
}
