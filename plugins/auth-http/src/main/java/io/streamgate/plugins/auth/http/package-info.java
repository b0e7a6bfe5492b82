/** The {@code http} auth backend: asks the operator's own authorization service, Flussonic style. */
package io.streamgate.plugins.auth.http;
