import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.*;
import java.nio.file.*;
import java.util.*;

/**
 * Writes id TAB 384 numbers, the all-MiniLM-L6-v2 (quantised) sentence embedding, for every English provision of
 * the files given that is not in the test split. An exploratory check, outside the product (../README.md).
 */
public class Embed {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        var model = new AllMiniLmL6V2QuantizedEmbeddingModel();
        System.err.println("model loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
        ObjectMapper json = new ObjectMapper();
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[0])))) {
            int n = 0;
            long t1 = System.nanoTime();
            for (int i = 1; i < args.length; i++) {
                for (String line : Files.readAllLines(Path.of(args[i]))) {
                    JsonNode r = json.readTree(line);
                    if (r.path("split").asText().equals("test") || !r.path("lang").asText().equals("en")) continue;
                    float[] v = model.embed(r.get("text").asText()).content().vector();
                    StringBuilder sb = new StringBuilder(r.get("id").asText());
                    for (float f : v) sb.append('\t').append(f);
                    out.println(sb);
                    n++;
                }
            }
            System.err.println(n + " provisions in " + (System.nanoTime() - t1) / 1_000_000 + " ms");
        }
    }
}
