package io.streamgate.sim.config;

import io.streamgate.domain.name.StreamName;
import java.util.List;

/** A configured stream: a valid name and at least one input. */
public record StreamDefinition(String name, List<InputDefinition> inputs) {

    public StreamDefinition {
        if (!StreamName.isValid(name)) {
            throw new InvalidStreamException("name: '" + (name == null ? "null" : name.replaceAll("\\p{Cntrl}", "?"))
                    + "' (expected: " + StreamName.PATTERN + ")");
        }
        if (inputs == null || inputs.isEmpty()) {
            throw new InvalidStreamException("inputs: empty (expected: at least one input)");
        }
        for (InputDefinition input : inputs) {
            if (input == null) {
                throw new InvalidStreamException("inputs: null entry (expected: {\"url\": \"fake://...\"})");
            }
        }
        inputs = List.copyOf(inputs);
    }

    /** Whether any input uses the given lower-case scheme. */
    public boolean hasInput(String scheme) {
        return inputs.stream().anyMatch(input -> input.scheme().equals(scheme));
    }
}
