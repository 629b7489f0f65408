package org.adaldyq.risk.cli;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With no locale set (containers, cron, CI), or one that the system does not have, or {@code LC_ALL=C} over a
 * UTF-8 {@code LANG}, the JVM reads file names as ASCII: the CLI starts itself again in C.UTF-8 so that a
 * Kazakh or Russian file name comes out as it is in {@code source} (issue 11, part 3).
 */
class FileNameEncodingTest {
    /** The environment of each case: NAME=VALUE pairs, the rest of the locale variables unset. */
    @ParameterizedTest
    @ValueSource(strings = {"", "LC_ALL=C", "LC_ALL=C LANG=C.UTF-8", "LANG=kk_KZ.UTF-8", "LANG=xx_NOWHERE.UTF-8 LC_CTYPE=POSIX"})
    void aCyrillicFileNameSurvivesAnyLocaleWithoutUtf8(String locale, @TempDir Path tmp) throws Exception {
        // made by the shell from its UTF-8 bytes: this JVM may itself run without a locale
        String name = "\\320\\267\\320\\260\\320\\272\\320\\276\\320\\275.txt"; // закон.txt
        Process make = new ProcessBuilder("sh", "-c", "printf 'Орган вправе отказать.' > \"$(printf '" + name + "')\"")
                .directory(tmp.toFile()).start();
        assertThat(make.waitFor()).isZero();

        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RiskCli.class.getName(), "scan", "--format", "jsonl", tmp.toString()))
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().remove("LANG");
        pb.environment().remove("LC_ALL");
        pb.environment().remove("LC_CTYPE");
        pb.environment().remove("ADALDYQ_RELAUNCHED");
        for (String pair : locale.split(" ")) {
            if (!pair.isEmpty()) {
                pb.environment().put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        Process scan = pb.start();
        String out = new String(scan.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(scan.waitFor()).isZero();
        assertThat(out).contains("закон.txt\"").doesNotContain("?????");
    }
}
