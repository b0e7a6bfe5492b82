package io.streamgate.control.snapshot;

import io.streamgate.domain.snapshot.ConfigSnapshot;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /internal/v1/snapshot} for gateways. The ETag is the config version: versions only grow and every change
 * bumps one, so equal versions mean equal content and a gateway that is current gets a cheap 304.
 */
@RestController
class SnapshotController {

    private final SnapshotReader reader;

    SnapshotController(SnapshotReader reader) {
        this.reader = reader;
    }

    @GetMapping(path = "/internal/v1/snapshot", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<ConfigSnapshot>> snapshot(
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        return reader.version().flatMap(current -> {
            if (matches(ifNoneMatch, current)) {
                return Mono.just(ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                        .eTag(etag(current))
                        .<ConfigSnapshot>build());
            }
            return reader.read()
                    .map(snapshot ->
                            ResponseEntity.ok().eTag(etag(snapshot.version())).body(snapshot));
        });
    }

    static String etag(long version) {
        return "\"" + version + "\"";
    }

    /** RFC 9110 weak comparison over a list of entity tags, {@code *} included. */
    static boolean matches(String ifNoneMatch, long version) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String expected = etag(version);
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(expected)) {
                return true;
            }
        }
        return false;
    }
}
