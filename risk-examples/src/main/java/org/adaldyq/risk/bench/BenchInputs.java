package org.adaldyq.risk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.adaldyq.risk.lang.Language;

/**
 * The files a benchmark run reads, found by name under the data folder and the fixture folder: the texts
 * of each language, one file per input format, and the biggest Russian code.
 */
final class BenchInputs {

    /** The Budget Code of the RF (pravo.gov.ru document 102054721), the biggest code of the shared corpus. */
    static final String BIG_DOCUMENT = "pravo-gov-ru_102054721.html";

    /** Fixtures that exist to make reading fail (encrypted, truncated, hostile XML...) measure nothing useful. */
    private static final Pattern HOSTILE = Pattern.compile("(?i)encrypted|truncated|billion|xxe|garbage|image|empty");

    /** Formats in the order of the report, with their file extensions. */
    enum Format {
        DOCX("docx"), PDF("pdf"), ODT("odt"), RTF("rtf"), HTML("html", "htm"), TXT("txt"), MARKDOWN("md"), USLM("xml");

        private final List<String> extensions;

        Format(String... extensions) {
            this.extensions = List.of(extensions);
        }

        static Optional<Format> of(Path file) {
            String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            for (Format f : values()) {
                if (f.extensions.contains(ext)) {
                    return Optional.of(f);
                }
            }
            return Optional.empty();
        }
    }

    private final List<Path> files;

    private BenchInputs(List<Path> files) {
        this.files = files;
    }

    /** Every readable, non-hostile file of a known format under the given folders (missing ones are ignored). */
    static BenchInputs scan(List<Path> roots) {
        List<Path> found = new ArrayList<>();
        for (Path root : roots) {
            if (root == null || !Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile)
                        .filter(f -> Format.of(f).isPresent())
                        .filter(f -> !HOSTILE.matcher(f.getFileName().toString()).find())
                        .forEach(found::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return new BenchInputs(List.copyOf(found));
    }

    /** The files whose path names a language folder ({@code kk/}, {@code ru/}, {@code en/}), by language, in name order. */
    Map<Language, List<Path>> byLanguage() {
        Map<Language, List<Path>> out = new EnumMap<>(Language.class);
        for (Path f : files) {
            languageOf(f).ifPresent(l -> out.computeIfAbsent(l, k -> new ArrayList<>()).add(f));
        }
        return out;
    }

    /**
     * One file per format: the largest of at most {@code maxBytes}, or the smallest when all are larger, so
     * that per-format figures are comparable and a run stays short.
     */
    Map<Format, Path> onePerFormat(long maxBytes) {
        Map<Format, Path> out = new LinkedHashMap<>();
        for (Format format : Format.values()) {
            List<Path> candidates = files.stream().filter(f -> Format.of(f).orElseThrow() == format).toList();
            Optional<Path> fits = candidates.stream().filter(f -> size(f) <= maxBytes).max(Comparator.comparingLong(BenchInputs::size));
            Optional<Path> pick = fits.isPresent() ? fits : candidates.stream().min(Comparator.comparingLong(BenchInputs::size));
            pick.ifPresent(p -> out.put(format, p));
        }
        return out;
    }

    /** The Budget Code when present, else the largest Russian file. */
    Optional<Path> bigDocument() {
        Optional<Path> named = files.stream().filter(f -> f.getFileName().toString().equals(BIG_DOCUMENT)).findFirst();
        if (named.isPresent()) {
            return named;
        }
        return files.stream().filter(f -> languageOf(f).orElse(null) == Language.RU).max(Comparator.comparingLong(BenchInputs::size));
    }

    static Optional<Language> languageOf(Path file) {
        for (Path p = file.getParent(); p != null; p = p.getParent()) {
            if (p.getFileName() != null) {
                Optional<Language> l = Language.fromCode(p.getFileName().toString());
                if (l.isPresent()) {
                    return l;
                }
            }
        }
        return Optional.empty();
    }

    static long size(Path f) {
        try {
            return Files.size(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
