package io.streamgate.control.project;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.domain.name.StreamName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation of a new project; every rule names the field and what was expected. Nothing is normalised. */
final class ProjectRules {

    static final int MAX_DOMAINS = 20;
    static final String HOSTNAME_EXPECTED = "a lowercase hostname like play.example.tv";

    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private ProjectRules() {}

    static List<FieldProblem> check(ProjectRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!StreamName.isValid(request.name())) {
            errors.add(new FieldProblem(
                    "name", "name: '" + printable(request.name()) + "' (expected: " + StreamName.PATTERN + ")"));
        }
        List<String> domains = request.domains() == null ? List.of() : request.domains();
        if (domains.size() > MAX_DOMAINS) {
            errors.add(new FieldProblem(
                    "domains", "domains: " + domains.size() + " entries (expected: 0.." + MAX_DOMAINS + ")"));
            return errors;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < domains.size(); i++) {
            String domain = domains.get(i);
            String field = "domains[" + i + "]";
            if (!isHostname(domain)) {
                errors.add(new FieldProblem(
                        field, field + ": '" + printable(domain) + "' (expected: " + HOSTNAME_EXPECTED + ")"));
            } else if (!seen.add(domain)) {
                errors.add(new FieldProblem(field, field + ": '" + domain + "' (expected: each domain once)"));
            }
        }
        return errors;
    }

    /** RFC 1123 host names in lowercase; an all-numeric last label would make it an IP address, not a domain. */
    static boolean isHostname(String value) {
        if (value == null || value.isEmpty() || value.length() > 253 || value.endsWith(".")) {
            return false;
        }
        String[] labels = value.split("\\.", -1);
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return !labels[labels.length - 1].chars().allMatch(Character::isDigit);
    }

    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String cut = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
