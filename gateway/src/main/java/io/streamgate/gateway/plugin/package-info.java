/** The gateway's plugin host: loads plugin jars at start, reloads them on an admin call, and lists them. */
package io.streamgate.gateway.plugin;
