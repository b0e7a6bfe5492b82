/** The {@code jwt} auth backend: JWTs signed by the operator's identity system, naming the stream they open. */
package io.streamgate.plugins.auth.jwt;
