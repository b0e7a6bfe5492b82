/**
 * Auth backends: who may watch. A backend answers one {@link io.streamgate.plugin.api.auth.PlayRequest} with an
 * {@link io.streamgate.plugin.api.auth.AuthDecision}; the host runs each stream's chain, caches and coalesces
 * decisions, and applies timeouts, circuit breakers, bulkheads and the backend's failure policy around every call.
 *
 * @since 1.0.0
 */
package io.streamgate.plugin.api.auth;
