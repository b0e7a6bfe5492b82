/** Runs auth backends guarded per (project, backend): timeout, circuit breaker, bulkhead, decision cache, failure policy. */
package io.streamgate.plugin.host.auth;
