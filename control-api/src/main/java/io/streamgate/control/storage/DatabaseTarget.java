package io.streamgate.control.storage;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * A PostgreSQL location in the two forms the service needs: R2DBC for requests, JDBC for Flyway at start-up. The
 * credentials stay out of both URLs so that neither leaks a password into logs.
 */
record DatabaseTarget(String r2dbcUrl, String jdbcUrl, String username, String password, String schema) {

    private static final String EXPECTED = "postgresql://user[:password]@host:port/db[?schema=name]";

    /** Parses {@code STREAMGATE_PG_URL}; the message of a failure names the variable and the expected form. */
    static DatabaseTarget parse(String value) {
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw invalid(value, "not a URI");
        }
        String scheme = uri.getScheme();
        if (!"postgresql".equals(scheme) && !"postgres".equals(scheme)) {
            throw invalid(value, "scheme must be postgresql");
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw invalid(value, "host missing");
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String path = uri.getRawPath();
        if (path == null || path.length() < 2 || path.indexOf('/', 1) >= 0) {
            throw invalid(value, "database name missing");
        }
        String database = decode(path.substring(1));
        String username = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            username = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        if (username == null || username.isEmpty()) {
            throw invalid(value, "user missing");
        }
        String schema = null;
        String query = uri.getRawQuery();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                String key = eq < 0 ? pair : pair.substring(0, eq);
                String val = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (!"schema".equals(key)) {
                    throw invalid(value, "unknown parameter '" + key + "'");
                }
                if (!val.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
                    throw invalid(value, "schema must be a plain identifier");
                }
                schema = val;
            }
        }
        String hostPart = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        String base = "//" + hostPart + ":" + port + "/" + database;
        String r2dbc = "r2dbc:pool:postgresql:" + base + (schema == null ? "" : "?schema=" + schema);
        String jdbc = "jdbc:postgresql:" + base + (schema == null ? "" : "?currentSchema=" + schema);
        return new DatabaseTarget(r2dbc, jdbc, username, password, schema);
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String value, String reason) {
        // The value may hold a password: name the variable and the reason, never echo it.
        return new IllegalArgumentException(
                "STREAMGATE_PG_URL: " + reason + " (expected: " + EXPECTED + ", got " + redact(value) + ")");
    }

    private static String redact(String value) {
        return value.replaceAll("(://[^:/@]*):[^@/]*@", "$1:***@");
    }

    @Override
    public String toString() {
        return "DatabaseTarget[" + r2dbcUrl + ", user=" + username + "]";
    }
}
