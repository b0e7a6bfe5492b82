/** Projects (tenants), their player domains and their first operator API key, managed through the admin API. */
package io.streamgate.control.project;
