/** The whole cloud as real processes: the issues' end-to-end promises, checked over real sockets. */
package io.streamgate.system;
