package io.streamgate.plugins.driver.nginxrtmp;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * What nginx-rtmp's {@code rtmp_stat all} says about one application: the worker's pid and uptime, and each live
 * stream's counters and flags. Only the direct children of {@code <stream>} are read, so a client's own
 * {@code <publishing/>} or {@code <active/>} is never taken for the stream's.
 *
 * <p>Read with the JDK's StAX reader, DTDs and external entities off: the body comes over the network.
 *
 * @param pid the nginx worker's process id (its counters live in that worker)
 * @param uptimeSeconds seconds since that worker started, as nginx rounds them
 * @param streams the application's streams
 */
record RtmpStat(long pid, long uptimeSeconds, List<Stream> streams) {

    RtmpStat {
        streams = List.copyOf(streams);
    }

    /**
     * One stream of the application.
     *
     * @param name the stream name
     * @param timeMillis how long this stream object has existed; nginx-rtmp makes a new one (with new counters) when
     *     a stream starts again after everyone left
     * @param bytesIn bytes received from the publisher
     * @param bytesOut bytes sent to RTMP players
     * @param bwInBits the incoming bandwidth in bit/s, as nginx-rtmp last measured it
     * @param bwOutBits the outgoing bandwidth in bit/s
     * @param clients RTMP clients of the stream, the publisher included
     * @param publishing whether a publisher is connected
     * @param active whether media flows
     */
    record Stream(
            String name,
            long timeMillis,
            long bytesIn,
            long bytesOut,
            long bwInBits,
            long bwOutBits,
            long clients,
            boolean publishing,
            boolean active) {}

    private static final Pattern COUNT = Pattern.compile("[0-9]{1,18}");
    private static final int MAX_DEPTH = 32;
    private static final String STREAM = "rtmp/server/application/live/stream";
    private static final String APPLICATION = "rtmp/server/application";

    /**
     * Parses a stat document and keeps the streams of one application.
     *
     * @throws MalformedAnswerException when the XML or a value is not what nginx-rtmp writes
     */
    static RtmpStat parse(byte[] xml, String app) {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
        try {
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
            try {
                return read(reader, app);
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            throw new MalformedAnswerException("rtmp stat: not well-formed XML (" + e.getMessage() + ")", e);
        }
    }

    private static RtmpStat read(XMLStreamReader reader, String app) throws XMLStreamException {
        Deque<String> path = new ArrayDeque<>();
        StringBuilder text = new StringBuilder();
        Map<String, String> top = new HashMap<>();
        Map<String, String> stream = null;
        String appName = null;
        List<Map<String, String>> appStreams = new ArrayList<>();
        List<Stream> streams = new ArrayList<>();
        Set<String> names = new HashSet<>();
        boolean sawRoot = false;
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                path.addLast(reader.getLocalName());
                if (path.size() > MAX_DEPTH) {
                    throw new MalformedAnswerException("rtmp stat: nested deeper than " + MAX_DEPTH + " elements");
                }
                String at = String.join("/", path);
                if (path.size() == 1) {
                    if (!at.equals("rtmp")) {
                        throw new MalformedAnswerException("rtmp stat: root <" + at + "> (expected: <rtmp>)");
                    }
                    sawRoot = true;
                } else if (at.equals(APPLICATION)) {
                    appName = null;
                    appStreams.clear();
                } else if (at.equals(STREAM)) {
                    stream = new HashMap<>();
                }
                text.setLength(0);
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String at = String.join("/", path);
                String value = text.toString().trim();
                String parent = at.substring(0, at.lastIndexOf('/') < 0 ? 0 : at.lastIndexOf('/'));
                if (parent.equals("rtmp")) {
                    top.put(reader.getLocalName(), value);
                } else if (at.equals(APPLICATION + "/name")) {
                    appName = value;
                } else if (parent.equals(STREAM) && stream != null) {
                    // Flags are empty elements: present means true.
                    stream.put(reader.getLocalName(), value);
                } else if (at.equals(STREAM)) {
                    appStreams.add(stream);
                    stream = null;
                } else if (at.equals(APPLICATION)) {
                    // The name comes first in nginx-rtmp's output, but deciding at the end does not depend on it.
                    if (app.equals(appName)) {
                        for (Map<String, String> fields : appStreams) {
                            Stream parsed = stream(fields);
                            if (!names.add(parsed.name())) {
                                throw new MalformedAnswerException("rtmp stat: stream '" + parsed.name()
                                        + "' appears twice in application '" + app + "'");
                            }
                            streams.add(parsed);
                        }
                    }
                    appStreams.clear();
                }
                path.removeLast();
                text.setLength(0);
            }
        }
        if (!sawRoot) {
            throw new MalformedAnswerException("rtmp stat: no <rtmp> element");
        }
        return new RtmpStat(count(top, "pid", "rtmp"), count(top, "uptime", "rtmp"), streams);
    }

    private static Stream stream(Map<String, String> fields) {
        String name = fields.get("name");
        if (name == null || name.isEmpty()) {
            throw new MalformedAnswerException("rtmp stat: a <stream> without a <name>");
        }
        String where = "stream '" + name + "'";
        return new Stream(
                name,
                count(fields, "time", where),
                count(fields, "bytes_in", where),
                count(fields, "bytes_out", where),
                optionalCount(fields, "bw_in", where),
                optionalCount(fields, "bw_out", where),
                count(fields, "nclients", where),
                fields.containsKey("publishing"),
                fields.containsKey("active"));
    }

    private static long count(Map<String, String> fields, String key, String where) {
        if (!fields.containsKey(key)) {
            throw new MalformedAnswerException("rtmp stat: " + where + " has no <" + key + ">");
        }
        return optionalCount(fields, key, where);
    }

    private static long optionalCount(Map<String, String> fields, String key, String where) {
        String value = fields.get(key);
        if (value == null) {
            return 0;
        }
        if (!COUNT.matcher(value).matches()) {
            throw new MalformedAnswerException("rtmp stat: " + where + " <" + key + "> is '" + value
                    + "' (expected: a whole number from 0 to 999999999999999999)");
        }
        return Long.parseLong(value);
    }
}
