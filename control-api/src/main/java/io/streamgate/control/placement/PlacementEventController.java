package io.streamgate.control.placement;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin API: the latest placement changes of the whole cloud. */
@RestController
@RequestMapping(path = "/admin/v1/placement-events", produces = MediaType.APPLICATION_JSON_VALUE)
class PlacementEventController {

    private final PlacementEventLog log;

    PlacementEventController(PlacementEventLog log) {
        this.log = log;
    }

    @GetMapping
    Mono<PlacementEventList> latest(@RequestParam(name = "limit", required = false) String limit) {
        return Mono.defer(() -> log.latest(PlacementEventLog.limit(limit))
                .map(PlacementEventResponse::forAdmin)
                .collectList()
                .map(PlacementEventList::new));
    }
}
