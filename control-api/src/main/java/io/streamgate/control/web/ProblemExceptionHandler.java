package io.streamgate.control.web;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders every error as {@code application/problem+json}. It sits in front of Boot's own error handler (order -1)
 * so that errors from web filters and from Spring's routing (404, 405, 415) get the same shape as ours.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final JsonMapper json;
    private final MeterRegistry meters;

    ProblemExceptionHandler(JsonMapper json, MeterRegistry meters) {
        this.json = json;
        this.meters = meters;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(error);
        }
        Problem problem = ProblemMapper.toProblem(error)
                .withInstance(exchange.getRequest().getPath().value());
        if (problem.status() >= 500) {
            log.error(
                    "{} {} failed",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    error);
        } else {
            log.debug(
                    "{} {} answered {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    problem.status(),
                    problem.detail());
        }
        meters.counter(
                        "streamgate.control.http.problems",
                        "type",
                        problem.type().getPath().substring("/problems/".length()))
                .increment();
        byte[] body = json.writeValueAsBytes(problem);
        response.setStatusCode(HttpStatusCode.valueOf(problem.status()));
        response.getHeaders().putAll(problem.headers());
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setContentLength(body.length);
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }
}
