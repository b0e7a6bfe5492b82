/**
 * The StreamGate plugin contract: versioned extension points that turn validated settings into immutable runtime
 * objects.
 *
 * @since 1.0.0
 */
package io.streamgate.plugin.api;
