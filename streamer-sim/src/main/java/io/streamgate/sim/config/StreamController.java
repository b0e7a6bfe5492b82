package io.streamgate.sim.config;

import io.streamgate.sim.usage.StreamCounters;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The Flussonic-style config API the orchestrator pushes streams through. */
@RestController
@RequestMapping("/streamer/api/v3/streams")
class StreamController {

    static final URI INVALID_STREAM = URI.create("https://streamgate.io/problems/invalid-stream");
    static final URI NOT_FOUND = URI.create("https://streamgate.io/problems/stream-not-found");

    private final StreamStore store;
    private final StreamStatsSource stats;
    private final StreamCounters counters;

    StreamController(StreamStore store, StreamStatsSource stats, StreamCounters counters) {
        this.store = store;
        this.stats = stats;
        this.counters = counters;
    }

    @PutMapping("/{name}")
    Mono<ResponseEntity<StreamView>> put(@PathVariable String name, @RequestBody StreamBody body) {
        return Mono.fromSupplier(() -> {
            if (body.name() != null && !body.name().equals(name)) {
                throw new InvalidStreamException("name: '" + body.name() + "' (expected: the name in the path)");
            }
            StreamDefinition stream = new StreamDefinition(name, body.inputs());
            HttpStatus status = store.put(stream) ? HttpStatus.CREATED : HttpStatus.OK;
            // From here on the stream has counter lines in /metrics, zero until used, for the rest of the session.
            counters.track(stream.name());
            return ResponseEntity.status(status).body(view(stream));
        });
    }

    @GetMapping("/{name}")
    Mono<ResponseEntity<StreamView>> get(@PathVariable String name) {
        return Mono.just(store.find(name)
                .map(stream -> ResponseEntity.ok(view(stream)))
                .orElseGet(() -> ResponseEntity.notFound().build()));
    }

    @DeleteMapping("/{name}")
    Mono<ResponseEntity<Void>> delete(@PathVariable String name) {
        boolean removed = store.remove(name);
        return Mono.just(
                removed
                        ? ResponseEntity.noContent().build()
                        : ResponseEntity.notFound().build());
    }

    @GetMapping
    Mono<StreamList> list() {
        return Mono.fromSupplier(() -> {
            var views = store.all().stream().map(this::view).toList();
            return new StreamList(views, views.size());
        });
    }

    private StreamView view(StreamDefinition stream) {
        return new StreamView(stream.name(), stream.inputs(), stats.statsOf(stream));
    }

    @ExceptionHandler(InvalidStreamException.class)
    ProblemDetail invalid(InvalidStreamException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setType(INVALID_STREAM);
        problem.setTitle("Invalid stream");
        return problem;
    }
}
