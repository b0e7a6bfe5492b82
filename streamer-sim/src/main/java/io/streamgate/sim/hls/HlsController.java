package io.streamgate.sim.hls;

import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.sim.config.StreamStore;
import io.streamgate.sim.publish.Liveness;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Live HLS playback. Requests reach this controller only with a valid signature (see the auth feature); an unknown
 * or dead stream, an unknown rendition and a segment outside the live window all answer a bare 404.
 */
@RestController
class HlsController {

    static final MediaType PLAYLIST = MediaType.parseMediaType("application/vnd.apple.mpegurl");
    static final MediaType SEGMENT = MediaType.parseMediaType("video/mp2t");

    /**
     * Segments are written in slices of this size so that the bytes counted as served (when the socket takes them)
     * stop near where a broken connection stopped, not at the whole segment.
     */
    static final int SEGMENT_SLICE = 32 * 1024;

    private static final List<String> SIGNED_PARAMETERS =
            List.of(PlaybackSigner.KEY_ID, PlaybackSigner.EXPIRES, PlaybackSigner.SESSION, PlaybackSigner.SIGNATURE);

    private final StreamStore store;
    private final Liveness liveness;
    private final TestPattern pattern;
    private final LiveWindow window;
    private final Viewers viewers;

    HlsController(StreamStore store, Liveness liveness, TestPattern pattern, LiveWindow window, Viewers viewers) {
        this.store = store;
        this.liveness = liveness;
        this.pattern = pattern;
        this.window = window;
        this.viewers = viewers;
    }

    @GetMapping("/{name}/index.m3u8")
    Mono<ResponseEntity<String>> master(@PathVariable String name, ServerHttpRequest request) {
        return Mono.fromSupplier(() -> {
            if (!live(name, request)) {
                return ResponseEntity.notFound().build();
            }
            return playlist(Playlists.master(pattern.renditions(), signedQuery(request)));
        });
    }

    @GetMapping("/{name}/tracks-v{track}/index.m3u8")
    Mono<ResponseEntity<String>> media(
            @PathVariable String name, @PathVariable String track, ServerHttpRequest request) {
        return Mono.fromSupplier(() -> {
            if (rendition(track) == null || !live(name, request)) {
                return ResponseEntity.notFound().build();
            }
            return playlist(Playlists.media(
                    window.mediaSequence(),
                    LiveWindow.PLAYLIST_SEGMENTS,
                    window.segmentMillis(),
                    signedQuery(request)));
        });
    }

    @GetMapping("/{name}/tracks-v{track}/{sequence}.ts")
    Mono<ResponseEntity<Flux<DataBuffer>>> segment(
            @PathVariable String name,
            @PathVariable String track,
            @PathVariable String sequence,
            ServerHttpRequest request,
            ServerHttpResponse response) {
        return Mono.fromSupplier(() -> {
            Rendition rendition = rendition(track);
            long number = parseSequence(sequence);
            if (rendition == null || !window.servable(number) || !live(name, request)) {
                return ResponseEntity.notFound().build();
            }
            byte[] bytes = rendition.track().segment(number);
            return ResponseEntity.ok()
                    .contentType(SEGMENT)
                    .contentLength(bytes.length)
                    .cacheControl(CacheControl.maxAge(Duration.ofSeconds(60)))
                    .body(slices(bytes, response.bufferFactory()));
        });
    }

    /** Read-only views of the cached segment; nothing is copied. */
    static Flux<DataBuffer> slices(byte[] bytes, DataBufferFactory factory) {
        int count = (bytes.length + SEGMENT_SLICE - 1) / SEGMENT_SLICE;
        return Flux.range(0, count).map(i -> {
            int from = i * SEGMENT_SLICE;
            return factory.wrap(ByteBuffer.wrap(bytes, from, Math.min(SEGMENT_SLICE, bytes.length - from))
                    .slice()
                    .asReadOnlyBuffer());
        });
    }

    private boolean live(String name, ServerHttpRequest request) {
        boolean alive = store.find(name).map(liveness::isAlive).orElse(false);
        if (alive) {
            String session = request.getQueryParams().getFirst(PlaybackSigner.SESSION);
            if (session != null) {
                viewers.saw(name, session);
            }
        }
        return alive;
    }

    private Rendition rendition(String track) {
        if (track.isEmpty() || track.length() > 2 || !track.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return pattern.rendition(Integer.parseInt(track));
    }

    private static long parseSequence(String sequence) {
        if (sequence.isEmpty() || sequence.length() > 18 || !sequence.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        return Long.parseLong(sequence);
    }

    private static ResponseEntity<String> playlist(String body) {
        return ResponseEntity.ok()
                .contentType(PLAYLIST)
                // A live playlist changes every segment; nothing between the player and us may keep it.
                .cacheControl(CacheControl.noStore())
                .body(body);
    }

    /** The verified {@code sg_*} parameters, re-encoded in a fixed order, for the URIs written into playlists. */
    static String signedQuery(ServerHttpRequest request) {
        MultiValueMap<String, String> query = request.getQueryParams();
        StringBuilder out = new StringBuilder(160);
        for (String parameter : SIGNED_PARAMETERS) {
            String value = query.getFirst(parameter);
            if (value == null) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(parameter).append('=').append(UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
