package com.example.weekday;

import io.streamgate.plugin.api.Settings;
import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthBackendContext;
import io.streamgate.plugin.api.auth.AuthBackendFactory;
import org.pf4j.Extension;

/** Makes {@code weekday} backends: {@code {"days": ["SATURDAY", "SUNDAY"], "zone": "Europe/Paris"}}. */
@Extension
public final class WeekdayAuthFactory implements AuthBackendFactory {

    @Override
    public String type() {
        return "weekday";
    }

    @Override
    public AuthBackend create(Settings settings, AuthBackendContext context) {
        return new WeekdayAuth(WeekdaySettings.from(settings), context.clock());
    }
}
