package io.streamgate.control.publish;

import io.streamgate.control.security.OperatorProject;
import io.streamgate.control.stream.StreamResponse;
import io.streamgate.control.web.PathNames;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import io.streamgate.plugin.api.InvalidSettingsException;
import io.streamgate.plugin.api.Settings;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/streams/{name}/publish-url} for operators, and the publish check streamers call before they let
 * an encoder in. The check is outside {@code /internal/v1}: streamers such as nginx-rtmp cannot send a bearer token,
 * and the publish token in the request is the credential.
 */
@RestController
class PublishController {

    static final String ON_PUBLISH = "/streamer-callbacks/v1/on-publish";

    private final PublishService service;
    private final PublishSettings settings;

    PublishController(PublishService service, PublishSettings settings) {
        this.service = service;
        this.settings = settings;
    }

    @GetMapping(path = "/api/v1/streams/{name}/publish-url", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<StreamResponse.Publish> publishUrl(ServerWebExchange exchange) {
        return Mono.defer(() -> {
            long project = OperatorProject.of(exchange).id();
            String name = PathNames.segment(exchange.getRequest(), 1);
            Duration ttl = ttl(exchange.getRequest().getQueryParams().getFirst("expires_in"));
            return service.publishUrl(project, name, ttl);
        });
    }

    /**
     * nginx-rtmp's {@code on_publish} (form fields {@code name}, {@code token}, ... with {@code notify_method post}) and
     * any streamer that asks the same way; {@code ?streamer=} names the asking streamer. 2xx allows, 403 refuses.
     */
    @PostMapping(path = ON_PUBLISH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    Mono<ResponseEntity<Void>> onPublish(ServerWebExchange exchange) {
        String streamer = exchange.getRequest().getQueryParams().getFirst("streamer");
        return exchange.getFormData()
                .flatMap(form -> service.authorize(streamer, form.getFirst("name"), form.getFirst("token")))
                .map(allowed -> allowed
                        ? ResponseEntity.noContent().build()
                        : ResponseEntity.status(HttpStatus.FORBIDDEN).build());
    }

    private Duration ttl(String expiresIn) {
        if (expiresIn == null) {
            return settings.defaultTtl();
        }
        try {
            return Settings.of(Map.of("expires_in", expiresIn))
                    .duration("expires_in", settings.defaultTtl(), PublishSettings.MIN_TTL, settings.maxTtl());
        } catch (InvalidSettingsException e) {
            throw ProblemException.field(ProblemType.INVALID_FIELD, "expires_in", e.getMessage());
        }
    }
}
