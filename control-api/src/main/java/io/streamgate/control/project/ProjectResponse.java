package io.streamgate.control.project;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A project as the admin API shows it. The id is a string (JavaScript loses 64-bit precision); {@code api_key}
 * appears only in the answer that created it.
 */
record ProjectResponse(
        String id,
        String name,
        List<String> domains,
        String status,
        @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey) {}
