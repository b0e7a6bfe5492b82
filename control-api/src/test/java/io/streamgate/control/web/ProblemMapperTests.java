package io.streamgate.control.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;

class ProblemMapperTests {

    @Test
    void ourProblemsKeepTypeDetailAndFields() {
        Problem problem =
                ProblemMapper.toProblem(ProblemException.field(ProblemType.INVALID_NAME, "name", "name: 'a/b'"));
        assertThat(problem.status()).isEqualTo(400);
        assertThat(problem.type().toString()).isEqualTo("https://streamgate.io/problems/invalid-name");
        assertThat(problem.detail()).isEqualTo("name: 'a/b'");
        assertThat(problem.errors()).containsExactly(new FieldProblem("name", "name: 'a/b'"));
    }

    @Test
    void springsOwnErrorsMapToStableTypes() {
        assertThat(ProblemMapper.toProblem(new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND))
                        .type())
                .isEqualTo(ProblemType.NOT_FOUND.uri());
        Problem notAllowed =
                ProblemMapper.toProblem(new MethodNotAllowedException(HttpMethod.PATCH, Set.of(HttpMethod.GET)));
        assertThat(notAllowed.status()).isEqualTo(405);
        assertThat(notAllowed.headers().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(ProblemMapper.toProblem(new UnsupportedMediaTypeStatusException(
                                MediaType.TEXT_PLAIN, List.of(MediaType.APPLICATION_JSON)))
                        .status())
                .isEqualTo(415);
    }

    @Test
    void timeoutsAreUnavailableAndTheRestIsInternalWithoutDetails() {
        assertThat(ProblemMapper.toProblem(new RuntimeException(new TimeoutException("db")))
                        .status())
                .isEqualTo(503);
        Problem internal = ProblemMapper.toProblem(new IllegalStateException("secret internals"));
        assertThat(internal.status()).isEqualTo(500);
        assertThat(internal.detail()).doesNotContain("secret");
    }
}
