/** Snowflake ids: time-ordered 64-bit ids that are never reused, even when the clock steps back. */
package io.streamgate.domain.id;
