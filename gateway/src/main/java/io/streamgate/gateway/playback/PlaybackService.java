package io.streamgate.gateway.playback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.streamgate.domain.signing.PlaybackSigner;
import io.streamgate.domain.snapshot.ConfigSnapshot.PlaybackMode;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerEntry;
import io.streamgate.domain.snapshot.ConfigSnapshot.StreamerState;
import io.streamgate.gateway.balancer.StickyBalancer;
import io.streamgate.gateway.balancer.ViewerSession;
import io.streamgate.gateway.live.LiveMap;
import io.streamgate.gateway.live.LiveStreamer;
import io.streamgate.gateway.live.StreamerHealth;
import io.streamgate.gateway.protocol.PlaybackProtocols;
import io.streamgate.gateway.protocol.ProtocolStore;
import io.streamgate.gateway.signing.UrlSigner;
import io.streamgate.gateway.snapshot.SnapshotIndex;
import io.streamgate.gateway.snapshot.SnapshotStore;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.host.auth.AuthChain;
import io.streamgate.plugin.host.reactive.Ready;
import java.util.ArrayList;
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
 * playlists and segments from there: the auth chain is asked once per viewer session, not once per segment. The
 * signature carries the session id ({@code sg_sid}), which names the streamer the session was placed on
 * ({@link ViewerSession}); a player that comes back with it (after an error, on a master reload) keeps that streamer
 * while it is healthy, live and active. Its entry manifest is fetched afresh rather
 * than from the cache, so a streamer that died since the last poll is found out by that fetch, not by the player.
 *
 * <p>A streamer that refuses the connection, times out or answers 5xx to an entry-manifest fetch is ejected (see
 * {@link StreamerHealth}) and the request is tried once on another candidate.
 */
final class PlaybackService {

    private static final Logger log = LoggerFactory.getLogger(PlaybackService.class);

    private final SnapshotStore snapshots;
    private final ProtocolStore protocols;
    private final LiveMap liveMap;
    private final StreamerHealth health;
    private final StickyBalancer balancer;
    private final UrlSigner signer;
    private final EntryManifests manifests;
    private final Mono<PlaybackAnswer> badRequest = Mono.just(PlaybackAnswer.BAD_REQUEST);
    private final Mono<PlaybackAnswer> notFound = Mono.just(PlaybackAnswer.NOT_FOUND);
    private final Mono<PlaybackAnswer> forbidden = Mono.just(PlaybackAnswer.FORBIDDEN);
    private final Mono<PlaybackAnswer> unavailableMono;
    private final Counter manifestFailures;
    private final Counter denials;
    private final Counter placedGuesses;

    PlaybackService(
            SnapshotStore snapshots,
            ProtocolStore protocols,
            LiveMap liveMap,
            StreamerHealth health,
            StickyBalancer balancer,
            UrlSigner signer,
            EntryManifests manifests,
            PlaybackProperties properties,
            MeterRegistry meters) {
        this.snapshots = snapshots;
        this.protocols = protocols;
        this.liveMap = liveMap;
        this.health = health;
        this.balancer = balancer;
        this.signer = signer;
        this.manifests = manifests;
        this.unavailableMono = Mono.just(new PlaybackAnswer.Unavailable(
                Math.max(1, properties.retryAfter().toSeconds())));
        this.manifestFailures = meters.counter("streamgate.gateway.playback.master.failures");
        this.denials = meters.counter("streamgate.gateway.playback.auth.denials");
        this.placedGuesses = meters.counter("streamgate.gateway.playback.placed.guesses");
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
        AuthChain chain = index.authChains().chainOf(target.stream());
        if (chain == null) {
            denials.increment();
            return forbidden;
        }
        // The viewer's session: the identity its URL already carries (with the streamer it was placed on), or a new
        // one.
        String given = request.queryParam(PlaybackSigner.SESSION);
        String known = ViewerSession.identityOf(given);
        String identity = known != null ? known : ViewerSession.newIdentity();
        long previous = known != null ? ViewerSession.streamerOf(given) : StickyBalancer.NONE;
        if (chain.backends().isEmpty()) {
            return play(request, path, target, protocol, identity, previous);
        }
        PlayRequest check = new PlayRequest(
                Long.toString(target.stream().projectId()),
                target.stream().name(),
                request.clientIp(),
                request.decodedQueryParam("token"),
                request.referer(),
                request.userAgent(),
                protocol.type(),
                identity);
        Mono<AuthDecision> checked = chain.check(check);
        AuthDecision decided = Ready.valueOf(checked);
        if (decided != null) {
            // Decided on the spot (a signed token): no operators between the decision and the answer.
            return playIfAllowed(decided, request, path, target, protocol, identity, previous);
        }
        return checked.flatMap(
                decision -> playIfAllowed(decision, request, path, target, protocol, identity, previous));
    }

    private Mono<PlaybackAnswer> playIfAllowed(
            AuthDecision decision,
            PlayerRequest request,
            PlayPath path,
            StreamTarget target,
            PlaybackProtocols.Owned protocol,
            String identity,
            long previous) {
        if (decision instanceof AuthDecision.Allow) {
            return play(request, path, target, protocol, identity, previous);
        }
        // Every deny answers the same bytes: the reason is for logs, never for the viewer.
        denials.increment();
        log.debug("Play of {} denied: {}", target.internalName(), ((AuthDecision.Deny) decision).reason());
        return forbidden;
    }

    private Mono<PlaybackAnswer> play(
            PlayerRequest request,
            PlayPath path,
            StreamTarget target,
            PlaybackProtocols.Owned protocol,
            String identity,
            long previous) {
        String region = request.region();
        List<LiveStreamer> polled = liveMap.streamersOf(target.internalName());
        LiveStreamer first = balancer.choose(polled, identity, previous, region, StickyBalancer.NONE);
        List<LiveStreamer> live = first != null ? polled : placedUnknown(target.stream());
        LiveStreamer chosen = first != null ? first : guess(live, identity, previous, region);
        if (chosen == null) {
            return unavailableMono;
        }
        String signed = signer.sign(target.internalName(), ViewerSession.placed(identity, chosen.streamerId()));
        if (!protocol.protocol().isEntryManifest(path.rest())
                || target.stream().playbackMode() == PlaybackMode.REDIRECT
                || "redirect".equals(request.queryParam("mode"))) {
            return Mono.just(redirect(chosen, target, path.rest(), signed));
        }
        // A returning viewer's manifest is fetched afresh: see the class comment.
        boolean fresh = previous != StickyBalancer.NONE;
        Mono<PlaybackAnswer> rewritten = rewrite(chosen, target, path, protocol, signed, fresh);
        if (Ready.valueOf(rewritten) != null) {
            // Rendered from a cached template: nothing left that could fail.
            return rewritten;
        }
        return rewritten.onErrorResume(EntryManifests.UpstreamFailure.class, failure -> {
            // One retry on another candidate: a viewer should not see one streamer's failure. The failed
            // streamer is excluded even when its failure was only about this stream (a 4xx), and the session
            // is placed on the new one.
            onFailure(chosen, failure);
            LiveStreamer next = balancer.choose(live, identity, StickyBalancer.NONE, region, chosen.streamerId());
            if (next == null) {
                return unavailableMono;
            }
            String resigned = signer.sign(target.internalName(), ViewerSession.placed(identity, next.streamerId()));
            return rewrite(next, target, path, protocol, resigned, fresh)
                    .onErrorResume(EntryManifests.UpstreamFailure.class, second -> {
                        // Both failed: tell the player to come back rather than fail it for good.
                        onFailure(next, second);
                        return unavailableMono;
                    });
        });
    }

    /**
     * The streamers the stream is placed on whose state this gateway does not know now (their polls failed or have
     * not answered yet), DISABLED ones left out. A streamer whose poll answered without the stream is known not to
     * have it and is not among them.
     */
    private List<LiveStreamer> placedUnknown(StreamEntry stream) {
        SnapshotIndex index = snapshots.current();
        List<LiveStreamer> placed = new ArrayList<>(stream.placements().size());
        for (Long id : stream.placements()) {
            StreamerEntry entry = index.streamer(id);
            if (entry != null && entry.state() != StreamerState.DISABLED && !liveMap.knows(id)) {
                placed.add(LiveStreamer.of(entry, 0, health.of(id)));
            }
        }
        return placed;
    }

    /**
     * No streamer is known to have the stream live, but it is placed on streamers whose state is unknown (a streamer
     * just restarted, or this gateway's polls are late): one of them is the best guess, and a guess beats a 503. The
     * usual choice among them first; when all are ejected (failed polls eject), one of them all the same.
     */
    private LiveStreamer guess(List<LiveStreamer> placed, String identity, long previous, String region) {
        if (placed.isEmpty()) {
            return null;
        }
        placedGuesses.increment();
        LiveStreamer chosen = balancer.choose(placed, identity, previous, region, StickyBalancer.NONE);
        return chosen != null ? chosen : placed.get(Math.floorMod(identity.hashCode(), placed.size()));
    }

    private Mono<PlaybackAnswer> rewrite(
            LiveStreamer streamer,
            StreamTarget target,
            PlayPath path,
            PlaybackProtocols.Owned protocol,
            String signed,
            boolean fresh) {
        String contentType = protocol.protocol().manifestContentType();
        StreamerUrls urls = new StreamerUrls(streamer.baseUrl(), target.internalName(), path.rest(), signed);
        Mono<ManifestTemplate> template =
                manifests.get(streamer, target.internalName(), path.rest(), protocol.protocol(), fresh);
        ManifestTemplate cached = Ready.valueOf(template);
        if (cached != null) {
            return Mono.just(new PlaybackAnswer.Manifest(cached.render(urls), contentType));
        }
        return template.map(fetched -> new PlaybackAnswer.Manifest(fetched.render(urls), contentType));
    }

    private void onFailure(LiveStreamer streamer, EntryManifests.UpstreamFailure failure) {
        manifestFailures.increment();
        log.debug("Entry manifest fetch failed: {}", failure.getMessage());
        if (failure.streamerDown()) {
            health.failed(streamer.streamerId(), "entry manifest: " + failure.getMessage());
        }
    }

    private static PlaybackAnswer redirect(LiveStreamer streamer, StreamTarget target, String rest, String signed) {
        return new PlaybackAnswer.Redirect(
                streamer.baseUrl() + "/" + target.internalName() + "/" + rest + "?" + signed);
    }
}
