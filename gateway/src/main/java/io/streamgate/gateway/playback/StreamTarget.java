package io.streamgate.gateway.playback;

import io.streamgate.domain.snapshot.ConfigSnapshot.StreamEntry;

/** A stream the request may play: its internal name (as streamers know it) and its settings. */
record StreamTarget(String internalName, StreamEntry stream) {}
