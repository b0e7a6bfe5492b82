package io.streamgate.plugins.dash;

import io.streamgate.plugin.api.protocol.ManifestTemplate;
import io.streamgate.plugin.api.protocol.ManifestUrls;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An MPD split once into literal text and URL slots, so that rendering for a viewer is string concatenation: no DOM
 * and no serializer per request.
 *
 * <p>Slots are the text of every {@code BaseURL} and the attributes {@code SegmentTemplate@media},
 * {@code @initialization}, {@code @index}, {@code SegmentURL@media}, {@code @index}, {@code Initialization@sourceURL}
 * and {@code RepresentationIndex@sourceURL}, in the DASH namespace. Each reference handed to the host is first
 * resolved against the {@code BaseURL}s above it (the first one at each level, as players do), so that the host can
 * make every slot absolute on its own and the rewritten MPD no longer depends on {@code BaseURL} resolution.
 *
 * <p>Template identifiers ({@code $Number$}, {@code $Time$}, {@code $RepresentationID$}, {@code $Bandwidth$}, with
 * or without a width like {@code $Number%05d$}) are passed on untouched inside the reference's path; the host keeps
 * the path and appends its signed query, so the player still substitutes them. The host's query must therefore not
 * contain {@code $}.
 *
 * <p>Known gaps: a {@code SegmentTemplate} inherited by {@code Representation}s that have their own {@code BaseURL}
 * is resolved against the level where the template is written; {@code Location}, {@code PatchLocation},
 * {@code xlink:href} and {@code BitstreamSwitching} are left as written.
 */
final class DashManifest implements ManifestTemplate {

    private static final Map<String, List<String>> URL_ATTRIBUTES = Map.of(
            "SegmentTemplate", List.of("media", "initialization", "index"),
            "SegmentURL", List.of("media", "index"),
            "Initialization", List.of("sourceURL"),
            "RepresentationIndex", List.of("sourceURL"));

    private record Slot(int start, int end, String reference, boolean attribute) {}

    private final String[] literals;
    private final String[] references;
    private final boolean[] inAttribute;
    private final int literalLength;

    private DashManifest(String text, List<Slot> slots) {
        int count = slots.size();
        literals = new String[count + 1];
        references = new String[count];
        inAttribute = new boolean[count];
        int copied = 0;
        int total = 0;
        for (int i = 0; i < count; i++) {
            Slot slot = slots.get(i);
            literals[i] = text.substring(copied, slot.start());
            total += literals[i].length();
            references[i] = slot.reference();
            inAttribute[i] = slot.attribute();
            copied = slot.end();
        }
        literals[count] = text.substring(copied);
        literalLength = total + literals[count].length();
    }

    /** The references in text order, resolved against their {@code BaseURL}s. */
    List<String> references() {
        return List.of(references);
    }

    @Override
    public String render(ManifestUrls urls) {
        String[] escaped = new String[references.length];
        int length = literalLength;
        for (int i = 0; i < references.length; i++) {
            escaped[i] = escape(references[i], urls.absolute(references[i]), inAttribute[i]);
            length += escaped[i].length();
        }
        StringBuilder out = new StringBuilder(length);
        out.append(literals[0]);
        for (int i = 0; i < escaped.length; i++) {
            out.append(escaped[i]).append(literals[i + 1]);
        }
        return out.toString();
    }

    /** XML-escapes the host's URL: its signed query has {@code &}, which must become {@code &amp;}. */
    static String escape(String reference, String url, boolean attribute) {
        if (url == null) {
            throw new IllegalStateException("no URL for reference '" + reference + "'");
        }
        StringBuilder out = null;
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            String replacement;
            if (c == '&') {
                replacement = "&amp;";
            } else if (c == '<') {
                replacement = "&lt;";
            } else if (c == '>') {
                replacement = "&gt;";
            } else if (attribute && c == '"') {
                replacement = "&quot;";
            } else if (attribute && c == '\'') {
                replacement = "&apos;";
            } else if (c < 0x20 || c == 0x7f) {
                throw new IllegalStateException(
                        "URL for reference '" + reference + "' (expected: no control character)");
            } else {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(url.length() + 16).append(url, 0, i);
            }
            out.append(replacement);
        }
        return out == null ? url : out.toString();
    }

    /**
     * Parses an MPD.
     *
     * @throws IllegalArgumentException when the text is larger than {@code maxSize} characters, is not well-formed
     *     XML, has a DOCTYPE, or its root is not a DASH {@code MPD}
     */
    static DashManifest parse(String text, int maxSize) {
        if (text == null) {
            throw new IllegalArgumentException("MPD: null (expected: a DASH MPD)");
        }
        if (text.length() > maxSize) {
            throw new IllegalArgumentException(
                    "MPD: " + text.length() + " characters (expected: at most " + maxSize + ")");
        }
        Element root = MpdReader.read(text).getDocumentElement();
        List<Element> elements = new ArrayList<>();
        collect(root, elements);
        List<MpdTags.Tag> tags = MpdTags.scan(text);
        if (tags.size() != elements.size()) {
            throw misaligned();
        }
        Map<Element, MpdTags.Tag> tagOf = new IdentityHashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            if (!tags.get(i).localName().equals(elements.get(i).getLocalName())) {
                throw misaligned();
            }
            tagOf.put(elements.get(i), tags.get(i));
        }
        List<Slot> slots = new ArrayList<>();
        walk(root, null, tagOf, slots);
        slots.sort(Comparator.comparingInt(Slot::start));
        return new DashManifest(text, slots);
    }

    private static void collect(Element element, List<Element> into) {
        into.add(element);
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element) {
                collect((Element) child, into);
            }
        }
    }

    private static void walk(Element element, String base, Map<Element, MpdTags.Tag> tagOf, List<Slot> slots) {
        if (MpdReader.isDash(element)) {
            for (String name : URL_ATTRIBUTES.getOrDefault(element.getLocalName(), List.of())) {
                Attr attribute = element.getAttributeNodeNS(null, name);
                if (attribute == null || attribute.getValue().isBlank()) {
                    continue;
                }
                MpdTags.Attribute place = tagOf.get(element).attribute(name);
                if (place == null) {
                    throw misaligned();
                }
                slots.add(new Slot(
                        place.valueStart(),
                        place.valueEnd(),
                        resolve(base, attribute.getValue().strip()),
                        true));
            }
        }
        String childBase = base;
        boolean firstBase = true;
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && isBaseUrl((Element) child)) {
                String value = child.getTextContent().strip();
                if (value.isEmpty()) {
                    continue;
                }
                MpdTags.Tag tag = tagOf.get(child);
                String reference = resolve(base, value);
                slots.add(new Slot(tag.contentStart, tag.contentEnd, reference, false));
                if (firstBase) {
                    childBase = reference;
                    firstBase = false;
                }
            }
        }
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element && !isBaseUrl((Element) child)) {
                walk((Element) child, childBase, tagOf, slots);
            }
        }
    }

    private static boolean isBaseUrl(Element element) {
        return "BaseURL".equals(element.getLocalName()) && MpdReader.isDash(element);
    }

    /**
     * RFC 3986 reference resolution, without dot-segment removal (the host resolves the result against the stream).
     * Written out rather than {@link java.net.URI#resolve}, which rejects {@code $Number%05d$}-style templates.
     */
    static String resolve(String base, String reference) {
        if (base == null || hasScheme(reference)) {
            return reference;
        }
        if (reference.startsWith("//")) {
            int colon = hasScheme(base) ? base.indexOf(':') : -1;
            return colon < 0 ? reference : base.substring(0, colon + 1) + reference;
        }
        if (reference.startsWith("/")) {
            int authority = base.indexOf("//");
            if (!hasScheme(base) || authority < 0) {
                return reference;
            }
            int path = base.indexOf('/', authority + 2);
            return (path < 0 ? base : base.substring(0, path)) + reference;
        }
        int cut = base.length();
        int query = base.indexOf('?');
        int fragment = base.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        int authority = hasScheme(base) ? base.indexOf("//") : -1;
        if (authority >= 0) {
            int path = base.indexOf('/', authority + 2);
            if (path < 0 || path >= cut) {
                return base.substring(0, cut) + "/" + reference;
            }
        }
        int slash = base.lastIndexOf('/', cut - 1);
        return base.substring(0, slash + 1) + reference;
    }

    private static boolean hasScheme(String reference) {
        int colon = reference.indexOf(':');
        if (colon < 1) {
            return false;
        }
        for (int i = 0; i < colon; i++) {
            char c = reference.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
            if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
                return false;
            }
        }
        return true;
    }

    private static IllegalArgumentException misaligned() {
        return new IllegalArgumentException("MPD: its markup could not be lined up with the parsed document");
    }
}
