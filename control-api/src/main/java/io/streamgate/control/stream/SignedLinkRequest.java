package io.streamgate.control.stream;

/**
 * Body of {@code POST /api/v1/streams/{name}/signed-links}: the token backend that signs, how long the link lives
 * (default 1 h) and, optionally, the viewer's IP address or CIDR the link is bound to.
 */
record SignedLinkRequest(String backend, String expiresIn, String ip) {}
