/**
 * Outbound HTTP that the host performs for plugins, guarded against SSRF: targets are resolved once, checked against
 * loopback, private, link-local and metadata ranges, connected to by that address, and never redirected.
 *
 * @since 1.0.0
 */
package io.streamgate.plugin.api.http;
