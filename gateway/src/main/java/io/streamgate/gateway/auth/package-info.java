/** Who may watch: each stream's chain of guarded auth backends, built from the snapshot through the plugins. */
package io.streamgate.gateway.auth;
