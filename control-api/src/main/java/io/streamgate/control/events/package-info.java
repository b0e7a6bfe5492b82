/** The monotonically increasing config version and its announcement on Redis pub/sub. */
package io.streamgate.control.events;
