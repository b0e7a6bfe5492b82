package io.streamgate.control.auth;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.domain.name.StreamName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The rules of an auth chain, wherever one is set (a stream, a project's default): 0 to {@value #MAX_LENGTH} distinct
 * names of backends of the same project, every one of which must allow.
 */
@Component
public class AuthChains {

    public static final int MAX_LENGTH = 8;

    private final AuthBackendStore store;

    AuthChains(AuthBackendStore store) {
        this.store = store;
    }

    /** What is wrong with the chain's form, checked before anything is read; empty when nothing is. */
    public static List<FieldProblem> shape(List<String> chain, String field) {
        List<FieldProblem> errors = new ArrayList<>();
        if (chain == null) {
            return errors;
        }
        if (chain.size() > MAX_LENGTH) {
            errors.add(new FieldProblem(
                    field, field + ": " + chain.size() + " entries (expected: 0.." + MAX_LENGTH + " backend names)"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < chain.size(); i++) {
            String name = chain.get(i);
            String at = field + "[" + i + "]";
            if (!StreamName.isValid(name)) {
                errors.add(new FieldProblem(
                        at, at + ": " + quoted(name) + " (expected: a backend name, " + StreamName.PATTERN + ")"));
            } else if (!seen.add(name)) {
                errors.add(new FieldProblem(at, at + ": '" + name + "' (expected: each backend once)"));
            }
        }
        return errors;
    }

    /**
     * Fails with a problem naming each entry that is not a backend of the project. Run it inside the transaction of
     * the change, after the config version is bumped: the version's row lock orders it against a concurrent delete.
     */
    public Mono<Void> requireExisting(long projectId, List<String> chain, String field) {
        if (chain == null || chain.isEmpty()) {
            return Mono.empty();
        }
        return store.names(projectId).collect(HashSet<String>::new, Set::add).flatMap(known -> {
            List<FieldProblem> errors = new ArrayList<>();
            for (int i = 0; i < chain.size(); i++) {
                if (!known.contains(chain.get(i))) {
                    String at = field + "[" + i + "]";
                    // A foreign backend answers exactly like a missing one.
                    errors.add(new FieldProblem(
                            at,
                            at + ": '" + chain.get(i) + "' (expected: the name of an auth backend of this project)"));
                }
            }
            return errors.isEmpty() ? Mono.<Void>empty() : Mono.error(ProblemException.fields(errors));
        });
    }

    private static String quoted(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return "'" + cut.replaceAll("\\p{Cntrl}", "?") + "'";
    }
}
