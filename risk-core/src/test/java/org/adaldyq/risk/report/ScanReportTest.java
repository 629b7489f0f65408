package org.adaldyq.risk.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.adaldyq.risk.lang.Language;
import org.junit.jupiter.api.Test;

class ScanReportTest {

    /**
     * Output byte-stable between runs (issue 11, part 6): the metadata came out in Map.copyOf's order, which
     * changes from one JVM to the next ("title" before "format" in one run of a USLM bill, after in the next).
     */
    @Test
    void metadataIsSortedByName() {
        Map<String, String> meta = new LinkedHashMap<>();
        for (String name : List.of("title", "format", "dc:creator", "pdf:version", "Content-Type", "xmpTPg:NPages", "author", "x")) {
            meta.put(name, "v");
        }
        ScanReport r = new ScanReport("s", Language.EN, "text/plain", 0, 0, List.of(), List.of(), meta);
        assertThat(r.metadata().keySet()).containsExactly("Content-Type", "author", "dc:creator", "format", "pdf:version", "title",
                "x", "xmpTPg:NPages");
    }
}
