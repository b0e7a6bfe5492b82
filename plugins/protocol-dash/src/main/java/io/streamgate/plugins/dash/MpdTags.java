package io.streamgate.plugins.dash;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Where each element's start tag, attribute values and content sit in the MPD's text, which a DOM does not say. Run
 * only on text the {@link MpdReader} accepted (well-formed, no DOCTYPE), so a small scanner suffices: it skips
 * comments, CDATA sections and processing instructions, and lists elements in document order, the DOM's order too.
 */
final class MpdTags {

    /** One attribute's value between its quotes. */
    record Attribute(String name, int valueStart, int valueEnd) {}

    /** One element: its qualified name, attributes, and content range (empty for {@code <x/>}). */
    static final class Tag {
        final String name;
        final List<Attribute> attributes;
        final int contentStart;
        int contentEnd;

        Tag(String name, List<Attribute> attributes, int contentStart) {
            this.name = name;
            this.attributes = attributes;
            this.contentStart = contentStart;
            this.contentEnd = contentStart;
        }

        String localName() {
            int colon = name.indexOf(':');
            return colon < 0 ? name : name.substring(colon + 1);
        }

        Attribute attribute(String attributeName) {
            for (Attribute attribute : attributes) {
                if (attribute.name().equals(attributeName)) {
                    return attribute;
                }
            }
            return null;
        }
    }

    private MpdTags() {}

    static List<Tag> scan(String text) {
        List<Tag> tags = new ArrayList<>();
        Deque<Tag> open = new ArrayDeque<>();
        int length = text.length();
        int i = 0;
        while (true) {
            int lt = text.indexOf('<', i);
            if (lt < 0) {
                return tags;
            }
            if (text.startsWith("<!--", lt)) {
                i = after(text, "-->", lt + 4);
            } else if (text.startsWith("<![CDATA[", lt)) {
                i = after(text, "]]>", lt + 9);
            } else if (text.startsWith("<?", lt)) {
                i = after(text, "?>", lt + 2);
            } else if (text.startsWith("<!", lt)) {
                throw unexpected(lt);
            } else if (text.startsWith("</", lt)) {
                if (open.isEmpty()) {
                    throw unexpected(lt);
                }
                open.pop().contentEnd = lt;
                i = after(text, ">", lt + 2);
            } else {
                int j = lt + 1;
                while (j < length && !isSpace(text.charAt(j)) && text.charAt(j) != '>' && text.charAt(j) != '/') {
                    j++;
                }
                String name = text.substring(lt + 1, j);
                List<Attribute> attributes = new ArrayList<>();
                while (true) {
                    j = skipSpace(text, j);
                    if (j >= length) {
                        throw unexpected(lt);
                    }
                    char c = text.charAt(j);
                    if (c == '>') {
                        Tag tag = new Tag(name, List.copyOf(attributes), j + 1);
                        tags.add(tag);
                        open.push(tag);
                        i = j + 1;
                        break;
                    }
                    if (c == '/') {
                        tags.add(new Tag(name, List.copyOf(attributes), j));
                        i = after(text, ">", j + 1);
                        break;
                    }
                    int nameStart = j;
                    while (j < length && !isSpace(text.charAt(j)) && text.charAt(j) != '=') {
                        j++;
                    }
                    String attributeName = text.substring(nameStart, j);
                    j = skipSpace(text, j);
                    if (j >= length || text.charAt(j) != '=') {
                        throw unexpected(j);
                    }
                    j = skipSpace(text, j + 1);
                    if (j >= length || (text.charAt(j) != '"' && text.charAt(j) != '\'')) {
                        throw unexpected(j);
                    }
                    int close = text.indexOf(text.charAt(j), j + 1);
                    if (close < 0) {
                        throw unexpected(j);
                    }
                    attributes.add(new Attribute(attributeName, j + 1, close));
                    j = close + 1;
                }
            }
        }
    }

    private static int after(String text, String terminator, int from) {
        int at = text.indexOf(terminator, from);
        if (at < 0) {
            throw unexpected(from);
        }
        return at + terminator.length();
    }

    private static int skipSpace(String text, int from) {
        int i = from;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Cannot happen on text the XML parser accepted; a guard, not a diagnosis for operators. */
    private static IllegalArgumentException unexpected(int offset) {
        return new IllegalArgumentException("MPD: unexpected markup at character " + offset);
    }
}
