package io.streamgate.plugin.host.auth;

import io.streamgate.plugin.api.auth.AuthBackend;
import io.streamgate.plugin.api.auth.AuthDecision;
import io.streamgate.plugin.api.auth.PlayRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/** A backend whose answer the test sets, which records every request it sees; keyed by token. */
final class RecordingBackend implements AuthBackend {

    final List<PlayRequest> seen = new CopyOnWriteArrayList<>();
    volatile Function<PlayRequest, Mono<AuthDecision>> answer;
    volatile boolean keyed = true;

    RecordingBackend(Function<PlayRequest, Mono<AuthDecision>> answer) {
        this.answer = answer;
    }

    @Override
    public Mono<AuthDecision> check(PlayRequest request) {
        seen.add(request);
        return answer.apply(request);
    }

    @Override
    public String cacheKey(PlayRequest request) {
        return keyed ? request.stream() + "|" + request.token() : null;
    }

    int calls() {
        return seen.size();
    }
}
