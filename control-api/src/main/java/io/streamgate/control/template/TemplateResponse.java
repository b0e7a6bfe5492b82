package io.streamgate.control.template;

import java.time.Instant;
import java.util.List;

/** A template as the operator API shows it. */
record TemplateResponse(
        String name,
        String prefix,
        String playbackMode,
        List<String> authChain,
        String region,
        Instant createdAt,
        Instant updatedAt) {

    static TemplateResponse of(StoredTemplate template) {
        return new TemplateResponse(
                template.name(),
                template.prefix(),
                template.playbackMode(),
                template.authChain(),
                template.region(),
                template.createdAt(),
                template.updatedAt());
    }

    record Page(List<TemplateResponse> templates) {}
}
