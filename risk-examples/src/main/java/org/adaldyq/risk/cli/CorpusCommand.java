package org.adaldyq.risk.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.adaldyq.risk.corpus.CorpusSampler;
import org.adaldyq.risk.lang.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code corpus}: build the labelled corpus (sampling provisions to label). */
@Command(name = "corpus", mixinStandardHelpOptions = true,
        description = "Build the labelled corpus of provisions.",
        subcommands = {CorpusCommand.Sample.class})
final class CorpusCommand {

    @Command(name = "sample", mixinStandardHelpOptions = true,
            description = "Sample whole articles of every act (kk/, ru/, en/ under --from) into <lang>.jsonl pools to label.")
    static final class Sample implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--from", required = true, description = "Folder with kk/, ru/ and en/ act folders.")
        Path from;

        @Option(names = "--out", required = true, description = "Folder to write <lang>.jsonl into.")
        Path out;

        @Option(names = "--target", description = "Provisions to sample per language, as LANG=N (repeatable; default 1100 each).")
        java.util.Map<String, Integer> target = java.util.Map.of();

        @Option(names = "--whole", description = "Act id prefix taken whole, outside the target (repeatable; e.g. kz- for the kk/ru twins).")
        List<String> whole = List.of();

        @Option(names = "--seed", defaultValue = "20261204", description = "Sampling seed (default: ${DEFAULT-VALUE}).")
        long seed;

        @Override
        public Integer call() throws Exception {
            PrintWriter console = spec.commandLine().getOut();
            ObjectMapper mapper = new ObjectMapper();
            Files.createDirectories(out);
            CorpusSampler sampler = new CorpusSampler();
            for (Language lang : List.of(Language.KK, Language.RU, Language.EN)) {
                Path folder = from.resolve(lang.code());
                List<CorpusSampler.Sampled> sampled = sampler.sample(CorpusSampler.acts(folder), lang, target.getOrDefault(lang.code(), 1100), seed, from,
                        act -> whole.stream().anyMatch(act::startsWith));
                try (BufferedWriter w = Files.newBufferedWriter(out.resolve(lang.code() + ".jsonl"), StandardCharsets.UTF_8)) {
                    for (CorpusSampler.Sampled s : sampled) {
                        ObjectNode n = mapper.createObjectNode();
                        n.put("id", s.id());
                        n.put("lang", lang.code());
                        n.put("act", s.act());
                        n.put("file", s.file());
                        n.put("provision", s.citation());
                        n.put("article", s.article());
                        n.put("text", s.text());
                        w.write(mapper.writeValueAsString(n));
                        w.newLine();
                    }
                }
                long acts = sampled.stream().map(CorpusSampler.Sampled::act).distinct().count();
                console.printf("%s: %d provisions from %d acts%n", lang.code(), sampled.size(), acts);
            }
            console.flush();
            return 0;
        }
    }
}
