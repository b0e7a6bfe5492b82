/** Gatling simulations of viewers and operators against a running StreamGate cloud, and the set-up they share. */
package io.streamgate.loadtests;
