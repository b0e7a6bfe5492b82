package io.streamgate.control.project;

import java.util.List;

/** Body of {@code PUT /api/v1/project/default-auth-chain}; an empty list means no check by default. */
record DefaultAuthChainRequest(List<String> authChain) {}
