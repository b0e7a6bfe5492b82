package io.streamgate.sim;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/** Starts one simulated streamer; several run side by side on different ports. */
@SpringBootApplication
public class StreamerSimApplication {

    private static final Logger log = LoggerFactory.getLogger(StreamerSimApplication.class);

    private final String simName;

    StreamerSimApplication(@Value("${streamgate.sim.name}") String simName) {
        this.simName = simName;
    }

    public static void main(String[] args) {
        SpringApplication.run(StreamerSimApplication.class, args);
    }

    /** Every time-dependent decision goes through this clock so tests can pin it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("streamer-sim '{}' ready", simName);
    }
}
