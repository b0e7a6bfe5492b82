/** The consistent config snapshot that gateways fetch, versioned by ETag. */
package io.streamgate.control.snapshot;
