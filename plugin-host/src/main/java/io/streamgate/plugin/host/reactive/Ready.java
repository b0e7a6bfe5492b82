package io.streamgate.plugin.host.reactive;

import reactor.core.Fuseable;
import reactor.core.publisher.Mono;

/**
 * The value of a {@link Mono} that already holds one ({@code Mono.just}), read without subscribing. The play path is
 * mostly answers known on the spot; taking them straight out of the Mono spares the operator chain around them
 * (subscribers, requests, completions) that a whole request otherwise costs as much as its real work.
 */
public final class Ready {

    private Ready() {}

    /** The value {@code mono} holds now, or {@code null} when it is empty, failed, or still to be computed. */
    public static <T> T valueOf(Mono<T> mono) {
        if (mono instanceof Fuseable.ScalarCallable<?> scalar) {
            try {
                @SuppressWarnings("unchecked")
                T value = (T) scalar.call();
                return value;
            } catch (Exception failed) {
                return null;
            }
        }
        return null;
    }
}
