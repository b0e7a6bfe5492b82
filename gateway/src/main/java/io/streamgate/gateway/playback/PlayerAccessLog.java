package io.streamgate.gateway.playback;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import reactor.netty.http.server.logging.AccessLog;
import reactor.netty.http.server.logging.AccessLogArgProvider;
import reactor.netty.http.server.logging.AccessLogFactory;

/**
 * The player port's access log line: Reactor Netty's own access log, written through the
 * {@code reactor.netty.http.server.AccessLog} logger, which {@code logback-spring.xml} hands to a bounded asynchronous
 * appender that drops lines rather than block an event loop. The query is left out: it carries viewers' tokens and
 * the gateway's signatures, which have no place in logs.
 */
final class PlayerAccessLog implements AccessLogFactory {

    private static final String FORMAT = "{} - [{}] \"{} {} {}\" {} {} {}ms";

    @Override
    public AccessLog apply(AccessLogArgProvider args) {
        return AccessLog.create(
                FORMAT,
                address(args.remoteAddress()),
                args.zonedDateTime(),
                args.method(),
                pathOf(args.uri()),
                args.protocol(),
                args.status(),
                args.contentLength(),
                args.duration());
    }

    static String pathOf(CharSequence uri) {
        if (uri == null) {
            return "-";
        }
        String text = uri.toString();
        int question = text.indexOf('?');
        return question < 0 ? text : text.substring(0, question);
    }

    private static String address(SocketAddress address) {
        if (address instanceof InetSocketAddress inet && inet.getAddress() != null) {
            return inet.getAddress().getHostAddress();
        }
        return "-";
    }
}
