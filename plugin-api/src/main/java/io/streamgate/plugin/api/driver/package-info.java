/**
 * Streamer drivers: how the control plane and the gateways talk to one kind of streamer (a Flussonic-style HTTP API,
 * nginx-rtmp, ...). A driver pushes and removes stream configs, reads what the streamer runs and how loaded it is,
 * reads its usage counters, and says where an encoder publishes to it.
 *
 * @since 1.1.0
 */
package io.streamgate.plugin.api.driver;
