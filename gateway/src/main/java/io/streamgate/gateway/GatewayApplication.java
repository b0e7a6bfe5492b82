package io.streamgate.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/** The player API: answers players from an in-memory snapshot and live map, never from a database. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }

    /** One clock for expiry, caches and tests that move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
