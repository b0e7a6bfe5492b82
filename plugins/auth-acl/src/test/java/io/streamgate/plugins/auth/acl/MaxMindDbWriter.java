package io.streamgate.plugins.auth.acl;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes small MaxMind DB files for tests (https://maxmind.github.io/MaxMind-DB/): a binary search tree with 24-bit
 * records, a data section and the metadata. IPv6 databases place IPv4 networks under {@code ::/96}, as MaxMind's do.
 * There is no MaxMind DB writer for Java on Maven Central, and shipping a GeoLite2 file would bring its licence in.
 */
final class MaxMindDbWriter {

    private final int ipVersion;
    private final String databaseType;
    private final Node root = new Node();
    private final List<Object> records = new ArrayList<>();

    private MaxMindDbWriter(int ipVersion, String databaseType) {
        this.ipVersion = ipVersion;
        this.databaseType = databaseType;
    }

    /** An IPv4 database of the given type, like {@code GeoLite2-Country}. */
    static MaxMindDbWriter ipv4(String databaseType) {
        return new MaxMindDbWriter(4, databaseType);
    }

    /** An IPv6 database of the given type, with IPv4 networks under {@code ::/96}. */
    static MaxMindDbWriter ipv6(String databaseType) {
        return new MaxMindDbWriter(6, databaseType);
    }

    /** Maps a network to the record {@code {"country": {"iso_code": code}}}, as GeoLite2-Country does. */
    MaxMindDbWriter country(String cidr, String isoCode) {
        return network(cidr, Map.of("country", Map.of("iso_code", isoCode, "names", Map.of("en", isoCode + " land"))));
    }

    /** Maps a network to any record: maps, lists, strings and non-negative longs. */
    MaxMindDbWriter network(String cidr, Object record) {
        String[] parts = cidr.split("/");
        byte[] address;
        try {
            address = InetAddress.getByName(parts[0]).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (ipVersion == 6 && address.length == 4) {
            byte[] wide = new byte[16];
            System.arraycopy(address, 0, wide, 12, 4);
            address = wide;
            prefix += 96;
        } else if (ipVersion == 4 && address.length == 16) {
            throw new IllegalArgumentException("IPv6 network in an IPv4 database: " + cidr);
        }
        records.add(record);
        Node node = root;
        for (int i = 0; i < prefix - 1; i++) {
            node = node.child(bit(address, i));
        }
        node.records[bit(address, prefix - 1)] = records.size() - 1;
        return this;
    }

    void write(Path file) throws IOException {
        List<Node> nodes = new ArrayList<>();
        number(root, nodes);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int[] offsets = new int[records.size()];
        for (int i = 0; i < records.size(); i++) {
            offsets[i] = data.size();
            encode(records.get(i), data);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int nodeCount = nodes.size();
        for (Node node : nodes) {
            for (Object record : node.records) {
                long value;
                if (record instanceof Node child) {
                    value = child.number;
                } else if (record instanceof Integer index) {
                    value = nodeCount + 16L + offsets[index];
                } else {
                    value = nodeCount; // no data
                }
                out.write((int) (value >> 16));
                out.write((int) (value >> 8));
                out.write((int) value);
            }
        }
        out.write(new byte[16]);
        data.writeTo(out);
        out.write(new byte[] {(byte) 0xAB, (byte) 0xCD, (byte) 0xEF});
        out.write("MaxMind.com".getBytes(StandardCharsets.US_ASCII));
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("node_count", new Unsigned(6, nodeCount));
        metadata.put("record_size", new Unsigned(5, 24));
        metadata.put("ip_version", new Unsigned(5, ipVersion));
        metadata.put("database_type", databaseType);
        metadata.put("languages", List.of("en"));
        metadata.put("binary_format_major_version", new Unsigned(5, 2));
        metadata.put("binary_format_minor_version", new Unsigned(5, 0));
        metadata.put("build_epoch", new Unsigned(9, 1_700_000_000L));
        metadata.put("description", Map.of("en", "StreamGate test database"));
        encode(metadata, out);
        Files.write(file, out.toByteArray());
    }

    private static int bit(byte[] address, int index) {
        return (address[index / 8] >> (7 - index % 8)) & 1;
    }

    /** Numbers nodes depth first, so the root is node 0. */
    private static void number(Node node, List<Node> nodes) {
        node.number = nodes.size();
        nodes.add(node);
        for (Object record : node.records) {
            if (record instanceof Node child) {
                number(child, nodes);
            }
        }
    }

    private static void encode(Object value, ByteArrayOutputStream out) {
        if (value instanceof String text) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            control(2, bytes.length, out);
            out.writeBytes(bytes);
        } else if (value instanceof Map<?, ?> map) {
            control(7, map.size(), out);
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                encode(entry.getKey(), out);
                encode(entry.getValue(), out);
            }
        } else if (value instanceof List<?> list) {
            control(11, list.size(), out);
            list.forEach(element -> encode(element, out));
        } else if (value instanceof Long number) {
            encode(new Unsigned(6, number), out);
        } else if (value instanceof Unsigned number) {
            byte[] bytes = BigInteger.valueOf(number.value).toByteArray();
            int skip = bytes[0] == 0 ? 1 : 0; // sign byte
            control(number.type, bytes.length - skip, out);
            out.write(bytes, skip, bytes.length - skip);
        } else {
            throw new IllegalArgumentException("cannot encode " + value);
        }
    }

    /** A control byte (and extended type byte): type in the top three bits, a size below 29 in the rest. */
    private static void control(int type, int size, ByteArrayOutputStream out) {
        if (size >= 29) {
            throw new IllegalArgumentException("size " + size + " needs the long size forms, which tests do not use");
        }
        if (type <= 7) {
            out.write((type << 5) | size);
        } else {
            out.write(size);
            out.write(type - 7);
        }
    }

    /** An unsigned integer of a given MaxMind DB type: 5 uint16, 6 uint32, 9 uint64. */
    private record Unsigned(int type, long value) {}

    private static final class Node {
        final Object[] records = new Object[2]; // Node, Integer record index, or null for no data
        int number;

        Node child(int bit) {
            if (records[bit] instanceof Node node) {
                return node;
            }
            Node node = new Node();
            records[bit] = node;
            return node;
        }
    }
}
