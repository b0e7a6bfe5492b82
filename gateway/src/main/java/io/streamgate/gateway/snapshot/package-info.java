/** The gateway's in-memory copy of the control plane's config: fetched, pushed by Redis, kept on disk as last-known-good. */
package io.streamgate.gateway.snapshot;
