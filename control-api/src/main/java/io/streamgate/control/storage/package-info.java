/** Where the database lives: the STREAMGATE_PG_URL translation to R2DBC and JDBC, migrations at start-up. */
package io.streamgate.control.storage;
