/** JMH benchmarks of what auth adds per play request, on the real plugin jars loaded through the plugin host. */
package io.streamgate.benchmarks.auth;
