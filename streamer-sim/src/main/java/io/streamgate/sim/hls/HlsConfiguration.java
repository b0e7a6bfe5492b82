package io.streamgate.sim.hls;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class HlsConfiguration {

    /** Parsed at start-up so that a broken clip fails the start rather than the first viewer. */
    @Bean
    TestPattern testPattern() {
        return TestPattern.load();
    }

    @Bean
    LiveWindow liveWindow(Clock clock) {
        return new LiveWindow(clock, TestPattern.SEGMENT_MILLIS);
    }
}
