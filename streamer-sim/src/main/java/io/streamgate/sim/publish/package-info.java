/**
 * Pushed ingest: an HTTP upload with a valid publish token keeps a {@code publish://} stream alive while it runs and
 * shortly after, and with the on_publish callback on may first create a stream the streamer does not have.
 */
package io.streamgate.sim.publish;
