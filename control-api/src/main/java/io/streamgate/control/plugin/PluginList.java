package io.streamgate.control.plugin;

import io.streamgate.plugin.host.loading.PluginStatus;
import java.util.List;

/** Body of {@code GET /admin/v1/plugins} and of a reload: every jar seen, refused ones included. */
record PluginList(List<PluginStatus> plugins) {}
