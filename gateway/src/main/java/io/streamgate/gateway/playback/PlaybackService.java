package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.protocol.PlaybackProtocols;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotIndex;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.host.auth.AuthChain;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * The play path as a short chain: path → tenant and stream → protocol → auth → live streamer → answer. Everything but
 * an auth check and a rewritten entry manifest is answered synchronously from memory; nothing here blocks or touches
 * a database or Redis.
 *
 * <p>The manifests handed out point straight at streamers with the gateway's signature, so players fetch child
 * playlists and segments from there: the auth chain is asked once per viewer session, not once per segment.
 */
final class PlaybackService {

    private static final Logger log = LoggerFactory.getLogger(PlaybackService.class);

    private final SnapshotStore snapshots;
    private final ProtocolStore protocols;
    private final LiveMap liveMap;
    private final UrlSigner signer;
    private final EntryManifests manifests;
    private final Mono<PlaybackAnswer> badRequest = Mono.just(PlaybackAnswer.BAD_REQUEST);
    private final Mono<PlaybackAnswer> notFound = Mono.just(PlaybackAnswer.NOT_FOUND);
    private final Mono<PlaybackAnswer> forbidden = Mono.just(PlaybackAnswer.FORBIDDEN);
    private final Mono<PlaybackAnswer> unavailableMono;
    private final Counter manifestFailures;
    private final Counter denials;

    PlaybackService(
            SnapshotStore snapshots,
            ProtocolStore protocols,
            LiveMap liveMap,
            UrlSigner signer,
            EntryManifests manifests,
            PlaybackProperties properties,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.protocols = protocols;
        this.liveMap = liveMap;
        this.signer = signer;
        this.manifests = manifests;
        this.unavailableMono = Mono.just(new PlaybackAnswer.Unavailable(
                Math.max(1, properties.retryAfter().toSeconds())));
        this.manifestFailures = meters.counter("streamgate.gateway.playback.master.failures");
        this.denials = meters.counter("streamgate.gateway.playback.auth.denials");
    }

    Mono<PlaybackAnswer> answer(PlayerRequest request) {
        PlayPath path = PlayPath.parseOrNull(request.rawPath());
        if (path == null) {
            return badRequest;
        }
        SnapshotIndex index = snapshots.current();
        StreamTarget target = TenantResolver.resolve(index, request.host(), path.nameSegment());
        if (target == null) {
            return notFound;
        }
        PlaybackProtocols.Owned protocol = protocols.current().ownerOf(path.rest());
        if (protocol == null) {
            // Same answer as an unknown stream: a path no protocol serves reveals nothing either.
            return notFound;
        }
        AuthChain chain = index.authChains().chainOf(target.internalName());
        if (chain == null) {
            denials.increment();
            return forbidden;
        }
        String session = sessionOf(request);
        if (chain.backends().isEmpty()) {
            return play(request, path, target, protocol, session);
        }
        PlayRequest check = new PlayRequest(
                Long.toString(target.stream().projectId()),
                target.stream().name(),
                request.clientIp(),
                request.decodedQueryParam("token"),
                request.referer(),
                request.userAgent(),
                protocol.type(),
                session);
        return chain.check(check).flatMap(decision -> {
            if (decision instanceof AuthDecision.Allow) {
                return play(request, path, target, protocol, session);
            }
            // Every deny answers the same bytes: the reason is for logs, never for the viewer.
            denials.increment();
            log.debug("Play of {} denied: {}", target.internalName(), ((AuthDecision.Deny) decision).reason());
            return forbidden;
        });
    }

    private Mono<PlaybackAnswer> play(
            PlayerRequest request,
            PlayPath path,
            StreamTarget target,
            PlaybackProtocols.Owned protocol,
            String session) {
        List<LiveStreamer> live = liveMap.streamersOf(target.internalName());
        LiveStreamer chosen = StreamerSelector.choose(live, session, StreamerSelector.NONE);
        if (chosen == null) {
            return unavailableMono;
        }
        String signed = signer.sign(target.internalName(), session);
        if (!protocol.protocol().isEntryManifest(path.rest())
                || target.stream().playbackMode() == PlaybackMode.REDIRECT
                || "redirect".equals(request.queryParam("mode"))) {
            return Mono.just(redirect(chosen, target, path.rest(), signed));
        }
        return rewrite(chosen, target, path, protocol, signed)
                .onErrorResume(EntryManifests.UpstreamFailure.class, failure -> {
                    // One retry on another live streamer: a viewer should not see one streamer's failure.
                    onFailure(chosen, failure);
                    LiveStreamer next = StreamerSelector.choose(live, session, chosen.streamerId());
                    if (next == null) {
                        return unavailableMono;
                    }
                    return rewrite(next, target, path, protocol, signed)
                            .onErrorResume(EntryManifests.UpstreamFailure.class, second -> {
                                // Both failed: tell the player to come back rather than fail it for good.
                                onFailure(next, second);
                                return unavailableMono;
                            });
                });
    }

    private Mono<PlaybackAnswer> rewrite(
            LiveStreamer streamer,
            StreamTarget target,
            PlayPath path,
            PlaybackProtocols.Owned protocol,
            String signed) {
        String contentType = protocol.protocol().manifestContentType();
        return manifests
                .get(streamer, target.internalName(), path.rest(), protocol.protocol())
                .map(template -> new PlaybackAnswer.Manifest(
                        template.render(
                                new StreamerUrls(streamer.baseUrl(), target.internalName(), path.rest(), signed)),
                        contentType));
    }

    private void onFailure(LiveStreamer streamer, EntryManifests.UpstreamFailure failure) {
        manifestFailures.increment();
        log.debug("Entry manifest fetch failed: {}", failure.getMessage());
        if (failure.streamerDown()) {
            liveMap.drop(streamer.streamerId());
        }
    }

    private static PlaybackAnswer redirect(LiveStreamer streamer, StreamTarget target, String rest, String signed) {
        return new PlaybackAnswer.Redirect(
                streamer.baseUrl() + "/" + target.internalName() + "/" + rest + "?" + signed);
    }

    /** The viewer's session: the one its URL already carries (sticky), or a new one for a new viewer. */
    private static String sessionOf(PlayerRequest request) {
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
