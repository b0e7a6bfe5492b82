package io.streamgate.plugin.host.loading;

import io.streamgate.plugin.api.PluginApi;
import io.streamgate.plugin.host.loading.PluginStatus.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pf4j.DefaultVersionManager;
import org.pf4j.JarPluginManager;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.pf4j.VersionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a plugins folder into a {@link PluginRegistry}. Jars are taken in file-name order, so when two claim the
 * same plugin id or extension type the one whose name sorts first is kept, the same on every host. The host reads
 * each manifest itself before PF4J sees the jar, to refuse with a message an operator can act on.
 */
final class FolderLoader {

    private static final Logger log = LoggerFactory.getLogger(FolderLoader.class);
    private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private record Candidate(Path jar, String id, String version) {}

    private FolderLoader() {}

    static PluginRegistry load(Path folder) {
        List<Path> jars = jars(folder);
        List<PluginStatus> statuses = new ArrayList<>();
        Map<String, Candidate> accepted = new LinkedHashMap<>();
        for (Path jar : jars) {
            Candidate candidate;
            try {
                candidate = screen(jar);
            } catch (Refusal refusal) {
                statuses.add(refuse(jar, refusal.id, refusal.version, refusal.getMessage()));
                continue;
            }
            Candidate first = accepted.get(candidate.id());
            if (first != null) {
                statuses.add(refuse(
                        jar,
                        candidate.id(),
                        candidate.version(),
                        "duplicate plugin id '" + candidate.id() + "' (already loaded from "
                                + first.jar().getFileName() + ")"));
                continue;
            }
            accepted.put(candidate.id(), candidate);
        }
        if (accepted.isEmpty()) {
            return new PluginRegistry(null, statuses, Map.of(), Map.of(), Map.of(), Map.of());
        }
        JarPluginManager manager = new JarPluginManager(folder);
        manager.setSystemVersion(PluginApi.VERSION);
        Extensions extensions = new Extensions();
        for (Candidate candidate : accepted.values()) {
            statuses.add(start(manager, candidate, extensions));
        }
        statuses.sort(java.util.Comparator.comparing(PluginStatus::jar));
        return new PluginRegistry(
                manager,
                statuses,
                extensions.of(ExtensionKind.AUTH),
                extensions.of(ExtensionKind.PROTOCOL),
                extensions.of(ExtensionKind.DRIVER),
                extensions.of(ExtensionKind.BILLING));
    }

    private static PluginStatus start(PluginManager manager, Candidate candidate, Extensions extensions) {
        Path jar = candidate.jar();
        String id = candidate.id();
        String version = candidate.version();
        Map<ExtensionKind<?>, Map<String, Object>> own = new LinkedHashMap<>();
        try {
            manager.loadPlugin(jar);
            PluginState state = manager.startPlugin(id);
            if (state != PluginState.STARTED) {
                PluginWrapper wrapper = manager.getPlugin(id);
                Throwable failure = wrapper == null ? null : wrapper.getFailedException();
                return fail(
                        manager,
                        jar,
                        id,
                        version,
                        "did not start (state " + state + ")" + (failure == null ? "" : ": " + failure));
            }
            for (ExtensionKind<?> kind : ExtensionKind.ALL) {
                Map<String, Object> types = new LinkedHashMap<>();
                for (Object factory : manager.getExtensions(kind.factoryClass(), id)) {
                    String type = kind.typeOf(factory);
                    if (type == null || !TYPE.matcher(type).matches() || types.putIfAbsent(type, factory) != null) {
                        return fail(
                                manager,
                                jar,
                                id,
                                version,
                                kind.label() + " type: '" + type + "' (expected: unique within the plugin, matching "
                                        + TYPE + ")");
                    }
                }
                own.put(kind, types);
            }
        } catch (RuntimeException | LinkageError e) {
            return fail(manager, jar, id, version, "failed to load: " + e);
        }
        for (var entry : own.entrySet()) {
            for (String type : entry.getValue().keySet()) {
                String owner = extensions.owner(entry.getKey(), type);
                if (owner != null) {
                    return refuseLoaded(
                            manager,
                            jar,
                            id,
                            version,
                            "duplicate " + entry.getKey().label() + " type '" + type + "' (already provided by plugin '"
                                    + owner + "')");
                }
            }
        }
        List<String> types = new ArrayList<>();
        own.forEach((kind, factories) -> factories.forEach((type, factory) -> {
            extensions.add(kind, type, factory, id);
            types.add(kind.prefix() + ":" + type);
        }));
        String message = null;
        if (types.isEmpty()) {
            message = "no extensions found (expected: @Extension classes listed in META-INF/extensions.idx; was the"
                    + " PF4J annotation processor in annotationProcessorPaths?)";
            log.warn("Plugin {} {} from {} started but has no extensions: {}", id, version, jar, message);
        } else {
            log.info("Plugin {} {} started from {} with {}", id, version, jar, types);
        }
        return new PluginStatus(jar.getFileName().toString(), id, version, State.STARTED, message, types);
    }

    /** The factories of every kind gathered so far in one load, with the plugin that provided each type. */
    private static final class Extensions {
        private final Map<ExtensionKind<?>, Map<String, Object>> factories = new HashMap<>();
        private final Map<ExtensionKind<?>, Map<String, String>> owners = new HashMap<>();

        String owner(ExtensionKind<?> kind, String type) {
            return owners.getOrDefault(kind, Map.of()).get(type);
        }

        void add(ExtensionKind<?> kind, String type, Object factory, String pluginId) {
            factories.computeIfAbsent(kind, k -> new HashMap<>()).put(type, factory);
            owners.computeIfAbsent(kind, k -> new HashMap<>()).put(type, pluginId);
        }

        <F> Map<String, F> of(ExtensionKind<F> kind) {
            Map<String, F> typed = new HashMap<>();
            factories.getOrDefault(kind, Map.of()).forEach((type, factory) -> typed.put(type, kind.cast(factory)));
            return typed;
        }
    }

    /** Reads the manifest and checks what the host needs before PF4J loads any class. */
    private static Candidate screen(Path jar) throws Refusal {
        Manifest manifest;
        try (JarFile file = new JarFile(jar.toFile())) {
            manifest = file.getManifest();
        } catch (IOException | SecurityException e) {
            throw new Refusal(null, null, "not a readable jar (expected: a PF4J plugin jar): " + e.getMessage());
        }
        if (manifest == null) {
            throw new Refusal(
                    null,
                    null,
                    "no META-INF/MANIFEST.MF (expected: Plugin-Id, Plugin-Version and"
                            + " Plugin-Requires in the manifest)");
        }
        Attributes main = manifest.getMainAttributes();
        String id = trimmed(main.getValue("Plugin-Id"));
        String version = trimmed(main.getValue("Plugin-Version"));
        String requires = trimmed(main.getValue("Plugin-Requires"));
        if (id == null) {
            throw new Refusal(null, version, "Plugin-Id: missing (expected: the plugin's id in the manifest)");
        }
        if (version == null) {
            throw new Refusal(id, null, "Plugin-Version: missing (expected: a version like 1.2.0)");
        }
        if (requires == null) {
            throw new Refusal(
                    id, version, "Plugin-Requires: missing (expected: a plugin-api range like >=1.0.0 &" + " <2.0.0)");
        }
        // PF4J reads a bare version as a minimum; do the same so the host and PF4J agree.
        String constraint = requires.matches("\\d+\\.\\d+\\.\\d+") ? ">=" + requires : requires;
        VersionManager versions = new DefaultVersionManager();
        boolean compatible;
        try {
            compatible = versions.checkVersionConstraint(PluginApi.VERSION, constraint);
        } catch (RuntimeException e) {
            throw new Refusal(
                    id,
                    version,
                    "Plugin-Requires: '" + requires + "' (expected: a plugin-api range like" + " >=1.0.0 & <2.0.0)");
        }
        if (!compatible) {
            throw new Refusal(id, version, "requires plugin-api " + requires + ", this host has " + PluginApi.VERSION);
        }
        return new Candidate(jar, id, version);
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            log.warn("Plugins folder {} does not exist or is not a folder; no plugins loaded", folder);
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.getFileName().toString().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            log.error("Cannot list plugins folder {}; no plugins loaded", folder, e);
            return List.of();
        }
    }

    private static PluginStatus refuse(Path jar, String id, String version, String message) {
        log.warn("Plugin jar {} refused: {}", jar, message);
        return new PluginStatus(jar.getFileName().toString(), id, version, State.REFUSED, message, List.of());
    }

    private static PluginStatus refuseLoaded(
            PluginManager manager, Path jar, String id, String version, String message) {
        unload(manager, id);
        return refuse(jar, id, version, message);
    }

    private static PluginStatus fail(PluginManager manager, Path jar, String id, String version, String message) {
        log.error("Plugin {} from {} failed: {}", id, jar, message);
        unload(manager, id);
        return new PluginStatus(jar.getFileName().toString(), id, version, State.FAILED, message, List.of());
    }

    private static void unload(PluginManager manager, String id) {
        try {
            if (manager.getPlugin(id) != null) {
                manager.unloadPlugin(id);
            }
        } catch (RuntimeException e) {
            log.warn("Unloading plugin {} failed", id, e);
        }
    }

    private static String trimmed(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** A jar the host will not load, with what could be read of it. */
    private static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient String id;
        private final transient String version;

        Refusal(String id, String version, String message) {
            super(message, null, false, false);
            this.id = id;
            this.version = version;
        }
    }
}
