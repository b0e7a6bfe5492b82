package io.streamgate.control.streamer;

import io.streamgate.control.events.ConfigChanges;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.domain.id.SnowflakeIdGenerator;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin API for streamers: register and list. */
@RestController
@RequestMapping(path = "/admin/v1/streamers", produces = MediaType.APPLICATION_JSON_VALUE)
class StreamerController {

    private final StreamerDirectory directory;
    private final ConfigChanges changes;
    private final SnowflakeIdGenerator ids;
    private final Clock clock;

    StreamerController(StreamerDirectory directory, ConfigChanges changes, SnowflakeIdGenerator ids, Clock clock) {
        this.directory = directory;
        this.changes = changes;
        this.ids = ids;
        this.clock = clock;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<StreamerResponse> register(@RequestBody StreamerRequest request) {
        var errors = StreamerRules.check(request);
        if (!errors.isEmpty()) {
            return Mono.error(ProblemException.fields(errors));
        }
        Streamer streamer =
                new Streamer(ids.next(), request.name(), StreamerRules.normalizedBaseUrl(request.baseUrl()));
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return changes.commit(v -> directory
                        .nameTaken(streamer.name())
                        .flatMap(taken -> taken
                                ? Mono.<Streamer>error(nameTaken(streamer.name()))
                                : directory.insert(streamer, now).thenReturn(streamer)))
                .onErrorMap(DataIntegrityViolationException.class, e -> nameTaken(streamer.name()))
                .thenReturn(StreamerResponse.of(streamer));
    }

    @GetMapping
    Mono<StreamerList> list() {
        return directory.all().map(StreamerResponse::of).collectList().map(StreamerList::new);
    }

    private static ProblemException nameTaken(String name) {
        return new ProblemException(
                ProblemType.CONFLICT,
                "name: '" + name + "' is already registered",
                List.of(new io.streamgate.control.web.FieldProblem(
                        "name", "name: '" + name + "' is already registered")));
    }
}
