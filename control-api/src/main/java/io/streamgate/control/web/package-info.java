/** RFC 9457 problem details for every error the HTTP APIs answer, raised anywhere in the request. */
package io.streamgate.control.web;
