/**
 * The reconcile loop: on the elected leader only, it moves placements off disabled, dead and draining streamers, tops
 * streams up to their replicas, and makes every streamer run exactly the streams placed on it.
 */
package io.streamgate.control.reconcile;
