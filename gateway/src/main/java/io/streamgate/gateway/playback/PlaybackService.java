package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotStore;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The play path as a short chain: path → tenant and stream → live streamer → answer. Everything but a rewritten
 * master playlist is answered synchronously from memory; nothing here blocks or touches a database or Redis.
 */
final class PlaybackService {

    private static final Logger log = LoggerFactory.getLogger(PlaybackService.class);

    private final SnapshotStore snapshots;
    private final LiveMap liveMap;
    private final UrlSigner signer;
    private final MasterPlaylists masters;
    private final Mono<PlaybackAnswer> badRequest = Mono.just(PlaybackAnswer.BAD_REQUEST);
    private final Mono<PlaybackAnswer> notFound = Mono.just(PlaybackAnswer.NOT_FOUND);
    private final PlaybackAnswer unavailable;
    private final Mono<PlaybackAnswer> unavailableMono;
    private final Counter masterFailures;

    PlaybackService(
            SnapshotStore snapshots,
            LiveMap liveMap,
            UrlSigner signer,
            MasterPlaylists masters,
            PlaybackProperties properties,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.liveMap = liveMap;
        this.signer = signer;
        this.masters = masters;
        this.unavailable = new PlaybackAnswer.Unavailable(
                Math.max(1, properties.retryAfter().toSeconds()));
        this.unavailableMono = Mono.just(unavailable);
        this.masterFailures = meters.counter("streamgate.gateway.playback.master.failures");
    }

    Mono<PlaybackAnswer> answer(PlayRequest request) {
        PlayPath path = PlayPath.parseOrNull(request.rawPath());
        if (path == null) {
            return badRequest;
        }
        StreamTarget target = TenantResolver.resolve(snapshots.current(), request.host(), path.nameSegment());
        if (target == null) {
            return notFound;
        }
        List<LiveStreamer> live = liveMap.streamersOf(target.internalName());
        String session = sessionOf(request);
        LiveStreamer chosen = StreamerSelector.choose(live, session, StreamerSelector.NONE);
        if (chosen == null) {
            return unavailableMono;
        }
        String signed = signer.sign(target.internalName(), session);
        if (!path.master()) {
            return Mono.just(redirect(chosen, target, path.rest(), signed));
        }
        if (target.stream().playbackMode() == PlaybackMode.REDIRECT || "redirect".equals(request.queryParam("mode"))) {
            return Mono.just(redirect(chosen, target, PlayPath.MASTER, signed));
        }
        return rewrite(chosen, target, signed).onErrorResume(MasterPlaylists.UpstreamFailure.class, failure -> {
            // One retry on another live streamer: a viewer should not see one streamer's failure.
            onFailure(chosen, failure);
            LiveStreamer next = StreamerSelector.choose(live, session, chosen.streamerId());
            if (next == null) {
                return unavailableMono;
            }
            return rewrite(next, target, signed).onErrorResume(MasterPlaylists.UpstreamFailure.class, second -> {
                // Both failed: tell the player to come back rather than fail it for good.
                onFailure(next, second);
                return unavailableMono;
            });
        });
    }

    private Mono<PlaybackAnswer> rewrite(LiveStreamer streamer, StreamTarget target, String signed) {
        return masters.get(streamer, target.internalName())
                .map(template -> new PlaybackAnswer.Playlist(template.render(signed)));
    }

    private void onFailure(LiveStreamer streamer, MasterPlaylists.UpstreamFailure failure) {
        masterFailures.increment();
        log.debug("Master playlist fetch failed: {}", failure.getMessage());
        if (failure.streamerDown()) {
            liveMap.drop(streamer.streamerId());
        }
    }

    private static PlaybackAnswer redirect(LiveStreamer streamer, StreamTarget target, String rest, String signed) {
        return new PlaybackAnswer.Redirect(
                streamer.baseUrl() + "/" + target.internalName() + "/" + rest + "?" + signed);
    }

    /** The viewer's session: the one its URL already carries (sticky), or a new one for a new viewer. */
    private static String sessionOf(PlayRequest request) {
        String session = request.queryParam("sg_sid");
        return validSession(session) ? session : UrlSigner.newSessionId();
    }

    private static boolean validSession(String session) {
        if (session == null || session.isEmpty() || session.length() > 64) {
            return false;
        }
        for (int i = 0; i < session.length(); i++) {
            char c = session.charAt(i);
            boolean ok =
                    (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
