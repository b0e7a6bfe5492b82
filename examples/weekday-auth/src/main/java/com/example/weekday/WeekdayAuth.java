package com.example.weekday;

import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import reactor.core.publisher.Mono;

/**
 * Allows playback on the configured days only. Decisions are not cached (no cache key, zero cache time): the check is
 * a clock read, and a cached allow could outlive midnight.
 */
final class WeekdayAuth implements AuthBackend {

    private final WeekdaySettings settings;
    private final Clock clock;

    WeekdayAuth(WeekdaySettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        DayOfWeek today = LocalDate.now(clock.withZone(settings.zone())).getDayOfWeek();
        return Mono.just(
                settings.days().contains(today)
                        ? AuthDecision.allow(Duration.ZERO)
                        : AuthDecision.deny("not a playback day: " + today, Duration.ZERO));
    }
}
