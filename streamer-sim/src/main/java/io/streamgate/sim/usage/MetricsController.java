package io.streamgate.sim.usage;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /metrics}: the collection session and every stream's byte counters, for the collector to poll. Streams
 * removed from the config keep their lines until the process restarts (see {@link StreamCounters}).
 */
@RestController
class MetricsController {

    static final MediaType EXPOSITION = MediaType.parseMediaType("text/plain; version=0.0.4; charset=utf-8");

    private final CollectionSession session;
    private final StreamCounters counters;

    MetricsController(CollectionSession session, StreamCounters counters) {
        this.session = session;
        this.counters = counters;
    }

    @GetMapping("/metrics")
    Mono<ResponseEntity<String>> metrics() {
        return Mono.fromSupplier(() -> ResponseEntity.ok()
                .contentType(EXPOSITION)
                // Counters move with every segment; a cached scrape would hide usage until the next one.
                .cacheControl(CacheControl.noStore())
                .body(PrometheusText.render(session, counters.all())));
    }
}
