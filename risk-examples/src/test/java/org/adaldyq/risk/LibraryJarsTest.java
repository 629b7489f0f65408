package org.adaldyq.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The library jars on this module's class path are what hosts get: a stable automatic module name, and a
 * -sources.jar and -javadoc.jar beside each. Checks the jars Maven resolved for this build (in a reactor
 * {@code verify}, the freshly packaged ones); skipped where the class path has class folders instead
 * (a build that stops before {@code package}).
 */
class LibraryJarsTest {

    @ParameterizedTest
    @CsvSource({
        "org/adaldyq/risk/RiskEngine.class, org.adaldyq.risk.core, org/adaldyq/risk/RiskEngine.java, org/adaldyq/risk/RiskEngine.html",
        "org/adaldyq/risk/rules/regulation/index.txt, org.adaldyq.risk.rules, org/adaldyq/risk/rules/regulation/OPTIONAL_POWER.drl, index.html",
    })
    void jarHasAModuleNameSourcesAndJavadoc(String resource, String moduleName, String source, String page) throws Exception {
        Path jar = jarOf(resource);
        assumeTrue(jar != null, "class path has the class folder, not the packaged jar, of " + resource);

        ModuleReference module = ModuleFinder.of(jar).findAll().iterator().next();
        assertThat(module.descriptor().name()).isEqualTo(moduleName);
        assertThat(module.descriptor().isAutomatic()).isTrue();
        try (JarFile j = new JarFile(jar.toFile())) {
            assertThat(j.getManifest().getMainAttributes().getValue("Automatic-Module-Name")).isEqualTo(moduleName);
        }
        String base = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        assertThat(entries(jar.resolveSibling(base + "-sources.jar"))).contains(source);
        assertThat(entries(jar.resolveSibling(base + "-javadoc.jar"))).contains(page);
    }

    /** The jar the class path serves {@code resource} from, or null when it comes from a folder. */
    private static Path jarOf(String resource) throws Exception {
        URL url = LibraryJarsTest.class.getClassLoader().getResource(resource);
        assertThat(url).as(resource).isNotNull();
        if (!url.getProtocol().equals("jar")) {
            return null;
        }
        String file = url.getPath().substring(0, url.getPath().indexOf("!/"));
        return Path.of(new URI(file));
    }

    private static List<String> entries(Path jar) throws Exception {
        assertThat(jar).exists();
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream().map(JarEntry::getName).toList();
        }
    }
}
