/** Allow and deny lists by client address, country, referer host and user agent, parsed once when a backend is made. */
package io.streamgate.plugins.auth.acl;
