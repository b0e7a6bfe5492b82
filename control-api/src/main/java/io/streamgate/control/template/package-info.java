/** Publish templates: a name prefix under which encoders may publish streams that are created on first publish. */
package io.streamgate.control.template;
