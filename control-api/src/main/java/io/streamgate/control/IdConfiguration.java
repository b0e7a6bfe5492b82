package io.streamgate.control;

import io.streamgate.domain.id.SnowflakeIdGenerator;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock and the id generator every feature shares, so tests can replace time in one place. */
@Configuration(proxyBeanMethods = false)
class IdConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SnowflakeIdGenerator snowflakeIdGenerator(IdSettings settings, Clock clock) {
        return new SnowflakeIdGenerator(settings.node(), clock);
    }
}
