/** Bearer-token authentication of the admin, operator and internal APIs, and API key handling. */
package io.streamgate.control.security;
