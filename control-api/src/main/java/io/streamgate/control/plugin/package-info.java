/** The plugin host of the control API: loads the plugins folder at start, lists and reloads it on the admin API. */
package io.streamgate.control.plugin;
