package org.adaldyq.risk.signal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The factor models of a pack, by factor code. Immutable and thread-safe. */
public final class FactorModels {

    /** Where the built-in models live on the class path (with an {@code index.txt} listing them). */
    public static final String BUILT_IN = "org/adaldyq/risk/models/regulation";

    private static final FactorModels NONE = new FactorModels(Map.of());

    private final Map<String, FactorModel> byFactor;

    private FactorModels(Map<String, FactorModel> byFactor) {
        this.byFactor = Map.copyOf(byFactor);
    }

    /** No models: the rules decide alone. */
    public static FactorModels none() {
        return NONE;
    }

    /** The given models by factor; a later model of the same factor replaces an earlier one. */
    public static FactorModels of(Collection<FactorModel> models) {
        Map<String, FactorModel> m = new LinkedHashMap<>();
        models.forEach(x -> m.put(x.factor(), x));
        return new FactorModels(m);
    }

    /** The model of {@code factor}, empty when there is none. */
    public Optional<FactorModel> get(String factor) {
        return Optional.ofNullable(byFactor.get(factor));
    }

    /** Every model, one per factor. */
    public Collection<FactorModel> all() {
        return byFactor.values();
    }

    /** True when there are no models. */
    public boolean isEmpty() {
        return byFactor.isEmpty();
    }

    /** The models listed in {@code root/index.txt} on the class path; none when there is no index. */
    public static FactorModels fromClasspath(ClassLoader loader, String root) {
        List<FactorModel> models = new ArrayList<>();
        try (InputStream index = loader.getResourceAsStream(root + "/index.txt")) {
            if (index == null) {
                return NONE;
            }
            for (String name : lines(index)) {
                String path = root + "/" + name;
                try (InputStream in = loader.getResourceAsStream(path)) {
                    if (in == null) {
                        throw new UncheckedIOException(new IOException(path + " is listed in index.txt but missing"));
                    }
                    models.add(FactorModel.read(reader(in), path));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(models);
    }

    /** Every {@code *.model} file of a folder. */
    public static FactorModels fromDirectory(Path dir) throws IOException {
        List<FactorModel> models = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".model")).sorted().toList();
        }
        for (Path p : files) {
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                models.add(FactorModel.read(r, p.toString()));
            }
        }
        return of(models);
    }

    private static BufferedReader reader(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    }

    private static List<String> lines(InputStream in) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader r = reader(in);
        String line;
        while ((line = r.readLine()) != null) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                out.add(line);
            }
        }
        return out;
    }
}
