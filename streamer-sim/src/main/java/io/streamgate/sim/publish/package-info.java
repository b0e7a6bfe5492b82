/**
 * Pushed ingest: an HTTP upload with a valid publish token keeps a {@code publish://} stream alive while it runs and
 * shortly after.
 */
package io.streamgate.sim.publish;
