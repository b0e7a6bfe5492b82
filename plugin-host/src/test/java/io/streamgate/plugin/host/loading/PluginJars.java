package io.streamgate.plugin.host.loading;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes PF4J plugin jars in tests, with real class files copied from the test classes. */
final class PluginJars {

    private PluginJars() {}

    static Path write(Path folder, String fileName, String id, String version, String requires, Class<?>... extensions)
            throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", version);
        if (requires != null) {
            main.putValue("Plugin-Requires", requires);
        }
        main.putValue("Plugin-Provider", "tests");
        Path jar = folder.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Class<?> extension : extensions) {
                index.append(extension.getName()).append('\n');
                String resource = extension.getName().replace('.', '/') + ".class";
                jarOut.putNextEntry(new JarEntry(resource));
                try (InputStream in = extension.getClassLoader().getResourceAsStream(resource)) {
                    in.transferTo(jarOut);
                }
                jarOut.closeEntry();
            }
            jarOut.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jarOut.write(index.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            jarOut.closeEntry();
        }
        return jar;
    }
}
