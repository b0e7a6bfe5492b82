package io.streamgate.control.resource;

import java.time.Instant;
import java.util.List;

/** A resource as the admin API shows it; the id is a string because JavaScript clients lose 64-bit precision. */
record ResourceResponse(String id, String name, String method, String unit, String description, Instant createdAt) {

    static ResourceResponse of(Resource resource) {
        return new ResourceResponse(
                Long.toString(resource.id()),
                resource.name(),
                resource.method().wire(),
                resource.unit(),
                resource.description(),
                resource.createdAt());
    }

    /** Body of {@code GET /admin/v1/resources}. */
    record Page(List<ResourceResponse> resources) {}
}
