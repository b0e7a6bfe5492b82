package io.streamgate.control.resource;

import io.streamgate.control.web.FieldProblem;
import io.streamgate.control.web.ProblemException;
import io.streamgate.control.web.ProblemType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Validation of a resource's creation and of changes to it; every rule names the field and what was expected. The
 * patterns are also the table's checks (V5).
 */
final class ResourceRules {

    /** Lower snake_case, so a resource name reads the same in metrics, invoices and URLs. */
    static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    static final Pattern UNIT = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    /** In UTF-16 code units, which never exceed the characters that both databases count in the column. */
    static final int MAX_DESCRIPTION = 512;

    private ResourceRules() {}

    /**
     * The resource the request describes.
     *
     * @throws ProblemException naming every rejected field at once
     */
    static Resource check(long id, ResourceRequest request, Instant createdAt) {
        List<FieldProblem> errors = new ArrayList<>();
        String name = text(request.name());
        if (name == null || !NAME.matcher(name).matches()) {
            errors.add(new FieldProblem(
                    "name", "name: " + shown(request.name()) + " (expected: a string matching " + NAME + ")"));
        }
        Resource.Method method = Resource.Method.ofWire(text(request.method()));
        if (method == null) {
            errors.add(new FieldProblem(
                    "method", "method: " + shown(request.method()) + " (expected: \"counter\" or \"gauge\")"));
        }
        String unit = text(request.unit());
        if (unit == null || !UNIT.matcher(unit).matches()) {
            errors.add(new FieldProblem(
                    "unit",
                    "unit: " + shown(request.unit()) + " (expected: a string matching " + UNIT
                            + ", like bytes or seconds)"));
        }
        String description = description(request.description(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.fields(errors);
        }
        return new Resource(id, name, method, unit, description, createdAt);
    }

    /**
     * The stored resource with the changes a PATCH asks for. A bad description is a 400; any other value for the
     * name, method or unit than the stored one is a 409 naming the field, since a resource's meaning never changes.
     *
     * @throws ProblemException naming the rejected field
     */
    static Resource change(Resource stored, ResourceRequest patch) {
        Resource changed = stored;
        if (patch.description() != null) {
            List<FieldProblem> errors = new ArrayList<>();
            String description = description(patch.description(), errors);
            if (!errors.isEmpty()) {
                throw ProblemException.fields(errors);
            }
            changed = stored.withDescription(description);
        }
        unchanged("name", patch.name(), stored.name(), "renamed");
        unchanged("method", patch.method(), stored.method().wire(), "measured another way");
        unchanged("unit", patch.unit(), stored.unit(), "given another unit");
        return changed;
    }

    /** Whether a path segment can be a resource's name at all. */
    static boolean isName(String value) {
        return NAME.matcher(value).matches();
    }

    private static void unchanged(String field, JsonNode wanted, String stored, String never) {
        if (wanted != null && !stored.equals(text(wanted))) {
            String message = field + ": " + shown(wanted) + " (expected: \"" + stored + "\" or absent; a resource is"
                    + " never " + never + ", create a new resource instead)";
            throw new ProblemException(ProblemType.CONFLICT, message, List.of(new FieldProblem(field, message)));
        }
    }

    /** The description, {@code null} when absent or JSON null; a rejected one is added to {@code errors}. */
    private static String description(JsonNode value, List<FieldProblem> errors) {
        if (value == null || value.isNull()) {
            return null;
        }
        String text = text(value);
        if (text == null || text.length() > MAX_DESCRIPTION) {
            String what = text == null ? shown(value) : text.length() + " characters";
            errors.add(new FieldProblem(
                    "description",
                    "description: " + what + " (expected: a string of at most " + MAX_DESCRIPTION
                            + " characters, or null for none)"));
            return null;
        }
        return text;
    }

    /** The value if it is a JSON string, else {@code null}. */
    private static String text(JsonNode value) {
        return value != null && value.isString() ? value.asString() : null;
    }

    /** The value as JSON (strings quoted, so {@code "5"} and {@code 5} read differently), cut and printable. */
    private static String shown(JsonNode value) {
        if (value == null) {
            return "missing";
        }
        String json = value.toString();
        String cut = json.length() > 80 ? json.substring(0, 80) + "..." : json;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
