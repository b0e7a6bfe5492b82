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
        useOneEventLoopPerCpu();
        SpringApplication.run(GatewayApplication.class, args);
    }

    /**
     * Reactor Netty runs at least four event loops whatever the CPUs; with fewer CPUs than loops they take turns
     * and the play path's p99 grows by the scheduler's slices (see BASELINES.md). An explicit setting wins.
     */
    static void useOneEventLoopPerCpu() {
        if (System.getProperty(LOOP_COUNT) == null) {
            System.setProperty(LOOP_COUNT, Integer.toString(Runtime.getRuntime().availableProcessors()));
        }
    }

    private static final String LOOP_COUNT = "reactor.netty.ioWorkerCount";

    /** One clock for expiry, caches and tests that move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
