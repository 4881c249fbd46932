/**
 * Implementation details shared by the kit's packages: JSON mapping, retry policy, header
 * lookup. Not API: anything here may change in any release without notice.
 */
package io.skillskit.internal;
