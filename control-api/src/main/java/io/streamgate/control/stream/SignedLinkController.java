package io.streamgate.control.stream;

import io.streamgate.control.auth.SignedLinks;
import io.streamgate.control.project.ProjectDirectory;
import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import io.streamgate.domain.name.StreamName;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Operator API that mints signed playback links for a stream of the project. */
@RestController
@RequestMapping(path = "/api/v1/streams", produces = MediaType.APPLICATION_JSON_VALUE)
class SignedLinkController {

    static final Duration DEFAULT_EXPIRES_IN = Duration.ofHours(1);
    static final Duration MIN_EXPIRES_IN = Duration.ofMinutes(1);
    static final Duration MAX_EXPIRES_IN = Duration.ofHours(24);

    private final StreamStore streams;
    private final SignedLinks links;
    private final ProjectDirectory projects;
    private final Clock clock;

    SignedLinkController(StreamStore streams, SignedLinks links, ProjectDirectory projects, Clock clock) {
        this.streams = streams;
        this.links = links;
        this.projects = projects;
        this.clock = clock;
    }

    @PostMapping(path = "/{name}/signed-links", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    Mono<SignedLinkResponse> mint(ServerWebExchange exchange, @RequestBody Mono<SignedLinkRequest> body) {
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            String name = PathNames.segment(exchange.getRequest(), 1);
            return body.flatMap(request -> {
                Duration expiresIn = check(request);
                // Truncated to seconds: the token carries its expiry in epoch seconds.
                Instant expiresAt = clock.instant().plus(expiresIn).truncatedTo(ChronoUnit.SECONDS);
                return streams.find(project, name)
                        .switchIfEmpty(Mono.error(() -> StreamService.notFound(name)))
                        .then(links.issue(project, request.backend(), name, expiresAt, request.ip()))
                        .flatMap(token -> projects.domains(project)
                                .map(domains ->
                                        new SignedLinkResponse(token, expiresAt, urls(project, name, token, domains))));
            });
        });
    }

    private static Duration check(SignedLinkRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!StreamName.isValid(request.backend())) {
            errors.add(new FieldProblem(
                    "backend",
                    "backend: " + (request.backend() == null ? "missing" : "'" + request.backend() + "'")
                            + " (expected: the name of a token backend of this project)"));
        }
        Duration expiresIn = DEFAULT_EXPIRES_IN;
        if (request.expiresIn() != null) {
            Map<String, Object> value = new HashMap<>();
            value.put("expires_in", request.expiresIn());
            try {
                expiresIn =
                        Settings.of(value).duration("expires_in", DEFAULT_EXPIRES_IN, MIN_EXPIRES_IN, MAX_EXPIRES_IN);
            } catch (InvalidSettingsException e) {
                errors.add(new FieldProblem("expires_in", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.fields(errors);
        }
        return expiresIn;
    }

    /** One URL per player domain of the project, and the domain-less path with the internal stream name. */
    private static List<String> urls(long project, String name, String token, List<String> domains) {
        String query = "/index.m3u8?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
        List<String> urls = new ArrayList<>();
        domains.forEach(domain -> urls.add("http://" + domain + "/" + name + query));
        urls.add("/" + StreamService.internal(project, name) + query);
        return urls;
    }
}
