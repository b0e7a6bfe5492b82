package io.streamgate.plugin.host.http;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.streamgate.plugin.api.http.HttpAnswer;
import io.streamgate.plugin.api.http.HttpCall;
import io.streamgate.plugin.api.http.HttpCaller;
import io.streamgate.plugin.api.http.RefusedTargetException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.HttpClientResponse;
import reactor.netty.resources.ConnectionProvider;

/**
 * The host's {@link HttpCaller}: a target is resolved once, every address it resolves to is checked against
 * {@link AddressPolicy}, and the connection goes to the checked address (the request keeps the original {@code Host}
 * header and TLS server name), so a DNS answer that changes between check and connect cannot reach a private
 * address. Redirects are never followed: a 3xx is returned as the answer. Each call's timeout bounds the whole
 * exchange, name resolution included, and at most {@value #MAX_BODY_BYTES} bytes of a response body are read.
 *
 * <p>Thread-safe. {@link #checkTarget} resolves names synchronously, so call it off event loops; {@link #call}
 * resolves on the bounded-elastic scheduler.
 */
public final class GuardedHttpCaller implements HttpCaller, AutoCloseable {

    /** What auth plugins read is small (a decision, a key set); more is cut off, so a hostile service cannot fill memory. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern IPV4_LITERAL = Pattern.compile("[0-9.]+");
    private static final Set<String> HOP_HEADERS =
            Set.of("host", "content-length", "transfer-encoding", "connection", "upgrade", "te", "trailer");

    private final boolean allowPrivateTargets;
    private final int maxBodyBytes;
    private final ConnectionProvider connections;
    private final HttpClient client;

    /**
     * @param allowPrivateTargets true to let plugins reach loopback, private and link-local addresses (development
     *     and tests only; never on a gateway that faces the internet)
     */
    public GuardedHttpCaller(boolean allowPrivateTargets) {
        this(allowPrivateTargets, MAX_BODY_BYTES, "streamgate-plugin-http");
    }

    /**
     * @param allowPrivateTargets true to let plugins reach loopback, private and link-local addresses
     * @param maxBodyBytes answer bodies are cut off after this many bytes
     * @param poolName the name of the connection pool (and its metrics)
     */
    public GuardedHttpCaller(boolean allowPrivateTargets, int maxBodyBytes, String poolName) {
        this.allowPrivateTargets = allowPrivateTargets;
        this.maxBodyBytes = maxBodyBytes;
        this.connections = ConnectionProvider.builder(poolName)
                .maxConnections(512)
                .pendingAcquireTimeout(Duration.ofSeconds(10))
                .maxIdleTime(Duration.ofSeconds(30))
                .build();
        this.client = HttpClient.create(connections).followRedirect(false).disableRetry(true);
    }

    /** Whether private targets are allowed. */
    public boolean allowPrivateTargets() {
        return allowPrivateTargets;
    }

    @Override
    public void checkTarget(URI target) {
        resolve(target, true);
    }

    @Override
    public Mono<HttpAnswer> call(HttpCall call) {
        URI target = call.target();
        return Mono.fromCallable(() -> resolve(target, false))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(address -> exchange(call, address))
                .timeout(call.timeout());
    }

    @Override
    public void close() {
        connections.dispose();
    }

    private Mono<HttpAnswer> exchange(HttpCall call, InetSocketAddress address) {
        URI target = call.target();
        String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
        String uri = target.getRawQuery() == null ? path : path + "?" + target.getRawQuery();
        byte[] body = call.body();
        HttpClient configured = client.remoteAddress(() -> address).headers(headers -> {
            call.headers().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    headers.set(name, values);
                }
            });
            headers.set(HttpHeaderNames.HOST, hostHeader(target));
            if (call.hasBody()) {
                headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            }
        });
        if ("https".equalsIgnoreCase(target.getScheme())) {
            // The address carries the host name (see resolve), which Reactor Netty uses for SNI and host name checks.
            configured = configured.secure();
        }
        HttpClient.RequestSender sender =
                configured.request(HttpMethod.valueOf(call.method())).uri(uri);
        HttpClient.ResponseReceiver<?> receiver = call.hasBody()
                ? sender.send(ByteBufFlux.fromInbound(Mono.fromSupplier(() -> Unpooled.wrappedBuffer(body))))
                : sender;
        return receiver.response((response, content) -> {
                    BoundedBody received = new BoundedBody(declaredLength(response), maxBodyBytes);
                    // Keep at most maxBodyBytes, then stop reading (and drop the connection): a hostile or broken
                    // service must not fill our memory.
                    return content.takeWhile(buffer -> received.open())
                            .doOnNext(received::append)
                            .then(Mono.fromSupplier(() -> answer(response, received.toArray())));
                })
                .next();
    }

    /** The Content-Length the response declares, or -1. */
    private static long declaredLength(HttpClientResponse response) {
        String declared = response.responseHeaders().get(HttpHeaderNames.CONTENT_LENGTH);
        if (declared == null) {
            return -1;
        }
        try {
            return Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static HttpAnswer answer(HttpClientResponse response, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        response.responseHeaders().forEach(entry -> headers.computeIfAbsent(entry.getKey(), k -> new ArrayList<>())
                .add(entry.getValue()));
        return new HttpAnswer(response.status().code(), headers, body);
    }

    /**
     * Resolves the target once and checks every address, so a name with one public and one private address is
     * refused rather than connected to by chance.
     */
    private InetSocketAddress resolve(URI target, boolean atSave) throws RefusedTargetException {
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new RefusedTargetException(
                    "target: '" + describe(target) + "' has scheme '" + scheme + "' (expected: http or https)");
        }
        String host = target.getHost();
        if (host == null || host.isEmpty()) {
            throw new RefusedTargetException("target: '" + describe(target) + "' has no host (expected: a host name)");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare);
        } catch (UnknownHostException e) {
            if (atSave) {
                throw new RefusedTargetException("target: '" + describe(target) + "' does not resolve (expected: a"
                        + " host name that resolves to public addresses)");
            }
            throw new RefusedTargetException("target: '" + describe(target) + "' does not resolve now");
        }
        if (!allowPrivateTargets) {
            for (InetAddress address : addresses) {
                String refusal = AddressPolicy.refusal(address);
                if (refusal != null) {
                    throw new RefusedTargetException("target: '" + describe(target) + "' resolves to "
                            + address.getHostAddress() + ", " + refusal
                            + " address (expected: a public address, unless the admin allows private targets)");
                }
            }
        }
        InetAddress chosen = addresses[0];
        boolean literal = bare.contains(":") || IPV4_LITERAL.matcher(bare).matches();
        if (!literal) {
            try {
                // Same address, but named, so TLS sends the name as SNI and verifies the certificate against it.
                chosen = InetAddress.getByAddress(bare, chosen.getAddress());
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
        return new InetSocketAddress(chosen, port(target));
    }

    private static int port(URI target) {
        if (target.getPort() != -1) {
            return target.getPort();
        }
        return "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
    }

    private static String hostHeader(URI target) {
        return target.getPort() == -1 ? target.getHost() : target.getHost() + ":" + target.getPort();
    }

    /** Scheme, host and port only: paths and queries may carry secrets. */
    static String describe(URI target) {
        String host = target.getHost() == null ? "" : target.getHost();
        String port = target.getPort() == -1 ? "" : ":" + target.getPort();
        return (target.getScheme() == null ? "" : target.getScheme() + "://") + host + port;
    }
}
