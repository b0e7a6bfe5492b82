/** The resource catalog: what usage is measured in (name, counter or gauge, unit), and its admin API. */
package io.streamgate.control.resource;
