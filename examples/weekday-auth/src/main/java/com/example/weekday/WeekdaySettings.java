package com.example.weekday;

import io.streamgate.plugin.api.Settings;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code weekday} backend's settings.
 *
 * @param days the days playback is allowed, at least one
 * @param zone the time zone the days are counted in
 */
record WeekdaySettings(Set<DayOfWeek> days, ZoneId zone) {

    WeekdaySettings {
        days = Set.copyOf(days);
        if (days.isEmpty() || zone == null) {
            throw new IllegalArgumentException("days (at least one) and zone are required");
        }
    }

    /** Reads {@code days} (a list of {@code MONDAY}..{@code SUNDAY}) and {@code zone} (an IANA id, default UTC). */
    static WeekdaySettings from(Settings settings) {
        settings.allowOnly(Set.of("days", "zone"));
        if (!settings.has("days")) {
            throw settings.invalid("days", "missing (expected: a list of MONDAY..SUNDAY)");
        }
        List<String> names = settings.strings("days", 7);
        if (names.isEmpty()) {
            throw settings.invalid("days", "[] (expected: at least one of MONDAY..SUNDAY)");
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (int i = 0; i < names.size(); i++) {
            try {
                days.add(DayOfWeek.valueOf(names.get(i)));
            } catch (IllegalArgumentException e) {
                throw settings.invalid("days[" + i + "]", "'" + names.get(i) + "' (expected: MONDAY..SUNDAY)");
            }
        }
        ZoneId zone = ZoneOffset.UTC;
        if (settings.has("zone")) {
            String id = settings.string("zone");
            try {
                zone = ZoneId.of(id);
            } catch (DateTimeException e) {
                throw settings.invalid("zone", "'" + id + "' (expected: an IANA time zone like Europe/Paris)");
            }
        }
        return new WeekdaySettings(days, zone);
    }
}
