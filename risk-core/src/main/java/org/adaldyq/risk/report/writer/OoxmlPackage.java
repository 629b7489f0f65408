package org.adaldyq.risk.report.writer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * The parts of an OOXML package (a DOCX) held in memory by name, in their order, read and written with the
 * JDK alone: parts that are not touched are written back byte for byte. XML parts are parsed without DTDs
 * or external entities.
 */
final class OoxmlPackage {
    private static final long MAX_PART = 256L << 20;
    private final Map<String, byte[]> parts;

    private OoxmlPackage(Map<String, byte[]> parts) {
        this.parts = parts;
    }

    static OoxmlPackage read(InputStream in) throws IOException {
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(in)) {
            byte[] buf = new byte[1 << 16];
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                if (e.isDirectory()) {
                    continue;
                }
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                long total = 0;
                for (int n; (n = zip.read(buf)) > 0; ) {
                    total += n;
                    if (total > MAX_PART) {
                        throw new IOException("part " + e.getName() + " inflates past " + (MAX_PART >> 20) + " MiB");
                    }
                    b.write(buf, 0, n);
                }
                parts.put(e.getName(), b.toByteArray());
            }
        }
        if (!parts.containsKey("[Content_Types].xml")) {
            throw new IOException("not an OOXML package: no [Content_Types].xml");
        }
        return new OoxmlPackage(parts);
    }

    boolean has(String name) {
        return parts.containsKey(name);
    }

    Document xml(String name) throws IOException {
        byte[] bytes = parts.get(name);
        if (bytes == null) {
            throw new IOException("the package has no part " + name);
        }
        try {
            return builder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw new IOException("part " + name + " is not well-formed XML: " + e.getMessage(), e);
        }
    }

    Document newXml() throws IOException {
        return builder().newDocument();
    }

    void put(String name, Document xml) throws IOException {
        try {
            xml.setXmlStandalone(true);
            Transformer t = TransformerFactory.newInstance().newTransformer();
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.setOutputProperty(OutputKeys.INDENT, "no");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            t.transform(new DOMSource(xml), new StreamResult(out));
            parts.put(name, out.toByteArray());
        } catch (TransformerException e) {
            throw new IOException("cannot write part " + name, e);
        }
    }

    void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.BEST_SPEED);
        for (Map.Entry<String, byte[]> p : parts.entrySet()) {
            zip.putNextEntry(new ZipEntry(p.getKey()));
            zip.write(p.getValue());
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static DocumentBuilder builder() throws IOException {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            return f.newDocumentBuilder();
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML parser", e);
        }
    }
}
