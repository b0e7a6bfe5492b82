/** Signed playback links: tokens that bind a project, a stream, an expiry and optionally a client address. */
package io.streamgate.plugins.auth.token;
