/** The {@code nginx-rtmp} streamer driver: nginx with the RTMP module, read through rtmp_stat and rtmp_control. */
package io.streamgate.plugins.driver.nginxrtmp;
