/** The StreamGate gateway: the player API, kept on in-memory state so it survives the control plane going away. */
package io.streamgate.gateway;
