/** Operator API for auth backends (validated by their plugins on save), auth chains, and minting signed links. */
package io.streamgate.control.auth;
