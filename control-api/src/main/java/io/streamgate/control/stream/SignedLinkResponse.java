package io.streamgate.control.stream;

import java.time.Instant;
import java.util.List;

/** A minted link: the token, when it expires, and the master playlist URLs that carry it. */
record SignedLinkResponse(String token, Instant expiresAt, List<String> urls) {}
