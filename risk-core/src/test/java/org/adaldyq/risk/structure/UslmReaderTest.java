package org.adaldyq.risk.structure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.util.List;
import org.adaldyq.risk.extract.DocumentReadException;
import org.adaldyq.risk.extract.DocumentReadException.Reason;
import org.adaldyq.risk.fixtures.TestDocuments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UslmReaderTest {

    static UslmReader.Result read(String resource) throws Exception {
        byte[] bytes = Files.readAllBytes(TestDocuments.resource(resource));
        assertThat(UslmReader.isUslm(bytes)).isTrue();
        return UslmReader.read(bytes, resource, 10_000_000);
    }

    @Test
    void billSectionsSubdivisionsAndChapeaus() throws Exception {
        UslmReader.Result r = read("en/BILLS-116s1014es.xml");
        String text = r.text();
        List<Provision> ps = r.provisions();
        ProvisionSegmenterTest.assertConsistent(text, ps);
        assertThat(ps.get(0).citation()).isEqualTo("Section 1");
        assertThat(ps.get(0).text(text)).isEqualTo("This Act may be cited as the “Route 66 Centennial Commission Act”.");
        Provision p = ProvisionSegmenterTest.find(ps, "Section 4(1)(B)");
        assertThat(p.text(text)).isEqualTo("(B) ceremonies and celebrations commemorating specific events; and");
        assertThat(p.leadIn(text)).startsWith("(1) study activities that may be carried out by the Federal Government")
                .endsWith("including activities such as—");
        assertThat(p.articleCitation()).isEqualTo("Section 4");
        assertThat(ProvisionSegmenterTest.find(ps, "Section 5(a)(3)").leadIn(text))
                .isEqualTo("(a) Number and Appointment.—The Commission shall be composed of 15 members appointed as follows:");
        assertThat(text).contains("\nSEC. 5. MEMBERSHIP.\n").doesNotContain("<", "Disclaimer");
        assertThat(r.metadata().get("title")).startsWith("116 S 1014 ES");
    }

    @Test
    void insertedTextIsCitedAfterTheAmendingLevel() throws Exception {
        UslmReader.Result r = read("en/115publ6-uslm.xml");
        Provision p = ProvisionSegmenterTest.find(r.provisions(), "Section 3(3) → new (12)");
        assertThat(p.text(r.text())).startsWith("“(12) encourage its entrepreneurial programs");
        assertThat(ProvisionSegmenterTest.find(r.provisions(), "Section 3(3)").text(r.text()))
                .isEqualTo("(3) by adding at the end the following new paragraph:");
        assertThat(r.text()).doesNotContain("\u00AD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"fixtures/xxe-uslm.xml", "fixtures/billion-laughs-uslm.xml"})
    void hostileXmlIsRejectedWithoutExpansion(String resource) throws Exception {
        byte[] bytes = Files.readAllBytes(TestDocuments.resource(resource));
        DocumentReadException e = catchThrowableOfType(DocumentReadException.class,
                () -> UslmReader.read(bytes, resource, 1_000_000));
        assertThat(e).isNotNull();
        assertThat(e.reason()).isEqualTo(Reason.CORRUPT);
        assertThat(e.getMessage()).doesNotContain("lollollol", "root:");
    }
}
