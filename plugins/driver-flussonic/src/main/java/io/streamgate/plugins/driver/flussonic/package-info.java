/** The {@code flussonic} streamer driver: Flussonic-style config API, stream stats and Prometheus usage counters. */
package io.streamgate.plugins.driver.flussonic;
