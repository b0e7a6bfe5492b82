package io.streamgate.loadtests;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What a simulation's {@code before()} creates through the real admin and operator APIs and its {@code after()}
 * removes: projects with a domain each, live test-pattern streams in them and, for the first {@code signed} streams of
 * each project, signed-link auth with a minted viewer token. Projects stay (the admin API has no delete).
 */
final class CloudFixture {

    /** The auth backend every project of a run gets when any of its streams is signed. */
    static final String LINKS_BACKEND = "links";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LINK_LIFETIME = Duration.ofHours(6);

    /**
     * @param label names this fixture's projects, domains and streams ({@code play} → project {@code play-p1-<run>},
     *     domain {@code play-p1-<run>.localhost}, streams {@code play-1}, {@code play-2}, ...)
     * @param projects how many projects
     * @param streamsPerProject how many streams in each
     * @param signedPerProject how many of each project's streams need a signed link
     */
    record Layout(String label, int projects, int streamsPerProject, int signedPerProject) {

        Layout {
            if (projects < 1 || streamsPerProject < 1 || signedPerProject < 0 || signedPerProject > streamsPerProject) {
                throw new IllegalArgumentException("layout: " + projects + " projects, " + streamsPerProject
                        + " streams, " + signedPerProject + " signed (expected: at least one project and stream,"
                        + " at most as many signed streams as streams)");
            }
        }
    }

    private final Target target;
    private final ControlPlane control;
    private final List<ControlPlane.Project> projects = new ArrayList<>();
    private final List<Viewer> viewers = new ArrayList<>();

    CloudFixture(Target target) {
        this.target = target;
        this.control = new ControlPlane(target);
    }

    ControlPlane control() {
        return control;
    }

    /** Creates the layout, waits until every stream plays through the gateway and returns one viewer per stream. */
    List<Viewer> create(Layout layout) {
        try {
            List<Runnable> waits = new ArrayList<>();
            List<Viewer> created = new ArrayList<>();
            for (int p = 1; p <= layout.projects(); p++) {
                String label = layout.label() + "-p" + p;
                ControlPlane.Project project =
                        control.createProject(label + "-" + target.runId(), target.domain(label));
                projects.add(project);
                if (layout.signedPerProject() > 0) {
                    control.putTokenBackend(project, LINKS_BACKEND, "k1", secret());
                }
                for (int s = 1; s <= layout.streamsPerProject(); s++) {
                    String stream = layout.label() + "-" + s;
                    boolean signed = s <= layout.signedPerProject();
                    control.putStream(project, stream, signed ? List.of(LINKS_BACKEND) : List.of());
                    String token = signed ? control.signedLink(project, stream, LINKS_BACKEND, LINK_LIFETIME) : null;
                    created.add(Viewer.of(project.domain(), stream, token));
                    waits.add(() -> {
                        control.awaitAlive(project, stream, READY_TIMEOUT);
                        control.awaitPlayable(project, stream, token, READY_TIMEOUT);
                        if (token != null) {
                            control.expectRefusedWithoutToken(project, stream);
                        }
                    });
                }
            }
            // Placement runs in the background: create everything first, then wait for each stream in turn.
            waits.forEach(Runnable::run);
            viewers.addAll(created);
            System.out.printf(
                    "[load-tests] run %s: %d project(s) %s, %d stream(s) live and playable through %s%n",
                    target.runId(),
                    projects.size(),
                    projects.stream().map(ControlPlane.Project::domain).toList(),
                    created.size(),
                    target.gateway());
            return List.copyOf(created);
        } catch (RuntimeException e) {
            delete();
            throw e;
        }
    }

    ControlPlane.Project project(int index) {
        return projects.get(index);
    }

    List<Viewer> viewers() {
        return List.copyOf(viewers);
    }

    /** Deletes every stream (also ones a scenario left behind) and auth backend of the run's projects. */
    void delete() {
        for (ControlPlane.Project project : projects) {
            try {
                List<String> streams = control.streams(project);
                streams.forEach(stream -> control.deleteStream(project, stream));
                control.deleteAuthBackend(project, LINKS_BACKEND);
                System.out.printf("[load-tests] deleted %d stream(s) of project %s%n", streams.size(), project.name());
            } catch (RuntimeException e) {
                // Clean-up must not hide the run's own result; what is left is named so it can be removed by hand.
                System.out.printf(
                        "[load-tests] could not clean up project %s (%s): %s%n",
                        project.name(), project.id(), e.getMessage());
            }
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
