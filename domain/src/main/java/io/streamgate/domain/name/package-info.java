/** Stream names as operators write them and as the cloud stores them ({@code {project_id}_{name}}). */
package io.streamgate.domain.name;
