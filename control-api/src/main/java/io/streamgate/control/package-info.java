/** The StreamGate control plane: operator and admin APIs, placement of streams, config snapshots for gateways. */
package io.streamgate.control;
