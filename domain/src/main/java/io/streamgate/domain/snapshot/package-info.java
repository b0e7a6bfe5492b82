/**
 * The configuration snapshot the control plane hands to gateways, and the change events that tell them to fetch a
 * newer one. Wire records: both sides serialise them with Jackson's defaults plus snake_case names.
 */
package io.streamgate.domain.snapshot;
