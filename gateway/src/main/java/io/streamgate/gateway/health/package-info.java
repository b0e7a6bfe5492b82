/** Readiness of the gateway: it may take players only once it holds a config snapshot. */
package io.streamgate.gateway.health;
