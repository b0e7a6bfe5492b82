package io.streamgate.plugins.driver.nginxrtmp;

import io.streamgate.plugin.api.PluginApi;
import java.nio.file.Path;
import org.pf4j.ClassLoadingStrategy;
import org.pf4j.DefaultPluginManager;
import org.pf4j.JarPluginLoader;
import org.pf4j.PluginClassLoader;
import org.pf4j.PluginDescriptor;
import org.pf4j.PluginLoader;

/**
 * A PF4J manager over a folder of plugin jars, as the host runs one, except that a plugin's own classes come from
 * its jar first: this module's classes are also on the test class path, and PF4J's parent-first default would load
 * those instead, so the test would not prove the jar works.
 */
final class PluginJarManager extends DefaultPluginManager {

    PluginJarManager(Path pluginsRoot) {
        super(pluginsRoot);
        setSystemVersion(PluginApi.VERSION);
    }

    @Override
    protected PluginLoader createPluginLoader() {
        return new JarPluginLoader(this) {
            @Override
            protected PluginClassLoader createPluginClassLoader(Path pluginPath, PluginDescriptor descriptor) {
                return new PluginClassLoader(
                        pluginManager, descriptor, getClass().getClassLoader(), ClassLoadingStrategy.PDA);
            }
        };
    }
}
