package io.streamgate.plugin.api.http;

import java.net.URI;
import reactor.core.publisher.Mono;

/**
 * The host's guarded HTTP client.
 *
 * @since 1.0.0
 */
public interface HttpCaller {

    /**
     * Checks a target when settings are saved: scheme http or https, a host that resolves only to addresses the host
     * allows.
     *
     * @param target the URL a plugin means to call
     * @throws RefusedTargetException when the target is not allowed
     * @since 1.0.0
     */
    void checkTarget(URI target);

    /**
     * Performs one call without following redirects. The target is checked again at connect time, with the address
     * it resolves to then.
     *
     * @param call the request
     * @return the answer, or an error: {@link RefusedTargetException}, a timeout or an I/O failure
     * @since 1.0.0
     */
    Mono<HttpAnswer> call(HttpCall call);
}
