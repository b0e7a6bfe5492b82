/** Small helpers around Reactor for the hot paths. */
package io.streamgate.plugin.host.reactive;
