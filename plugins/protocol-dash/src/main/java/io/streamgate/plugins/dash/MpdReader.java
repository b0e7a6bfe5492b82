package io.streamgate.plugins.dash;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Reads an MPD with the JDK's own DOM parser, locked down: a streamer's text is untrusted, so no DOCTYPE at all (which
 * rules out entity expansion and external entities), no external DTD or schema access, no XInclude, and the JDK's
 * secure-processing limits on top.
 */
final class MpdReader {

    /** The MPD namespace; the 2011 drafts wrote it in other cases, which players still accept. */
    static final String DASH_NAMESPACE = "urn:mpeg:dash:schema:mpd:2011";

    private MpdReader() {}

    static boolean isDash(Element element) {
        return DASH_NAMESPACE.equalsIgnoreCase(element.getNamespaceURI());
    }

    /**
     * Parses and checks the root.
     *
     * @throws IllegalArgumentException when the text is not well-formed, has a DOCTYPE, or is not an MPD
     */
    static Document read(String text) {
        Document document;
        try {
            document = builder().parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new IllegalArgumentException(
                    "MPD: not acceptable XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": "
                            + e.getMessage(),
                    e);
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("MPD: not acceptable XML: " + e.getMessage(), e);
        }
        Element root = document.getDocumentElement();
        if (!"MPD".equals(root.getLocalName()) || !isDash(root)) {
            throw new IllegalArgumentException("MPD: root element '" + root.getTagName() + "' in namespace '"
                    + root.getNamespaceURI() + "' (expected: MPD in " + DASH_NAMESPACE + ")");
        }
        return document;
    }

    private static DocumentBuilder builder() {
        // newDefaultInstance: the JDK's parser whatever else the host has on its class path, so these settings hold.
        DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
        try {
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(Failing.INSTANCE);
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity '" + systemId + "' refused");
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser lacks a security feature: " + e.getMessage(), e);
        }
    }

    /** Every error is fatal; the default handler would also print to stderr. */
    private enum Failing implements ErrorHandler {
        INSTANCE;

        @Override
        public void warning(SAXParseException exception) {}

        @Override
        public void error(SAXParseException exception) throws SAXParseException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXParseException {
            throw exception;
        }
    }
}
