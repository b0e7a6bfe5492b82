/** Outbound HTTP for plugins, guarded against SSRF: resolved once, checked, connected to by address, never redirected. */
package io.streamgate.plugin.host.http;
