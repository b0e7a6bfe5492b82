package io.streamgate.control.plugin;

import io.streamgate.plugin.host.loading.PluginHost;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Admin API for plugins: what is loaded, and a reload that picks up jars dropped into (or removed from) the folder. */
@RestController
@RequestMapping(path = "/admin/v1/plugins", produces = MediaType.APPLICATION_JSON_VALUE)
class PluginController {

    private final PluginHost host;

    PluginController(PluginHost host) {
        this.host = host;
    }

    @GetMapping
    PluginList list() {
        return new PluginList(host.plugins());
    }

    @PostMapping("/reload")
    Mono<PluginList> reload() {
        // Reading jars and starting plugins blocks, so it never runs on an event loop.
        return Mono.fromCallable(() -> {
                    host.reload();
                    PluginConfiguration.log(host);
                    return new PluginList(host.plugins());
                })
                .subscribeOn(Schedulers.boundedElastic());
    }
}
