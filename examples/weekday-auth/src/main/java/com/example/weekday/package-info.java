/** A sample third-party auth backend that allows playback only on chosen days of the week. */
package com.example.weekday;
