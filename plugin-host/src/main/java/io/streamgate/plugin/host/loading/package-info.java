/** Loads plugin jars from a folder through PF4J, refuses broken, incompatible and duplicate ones, and reloads. */
package io.streamgate.plugin.host.loading;
