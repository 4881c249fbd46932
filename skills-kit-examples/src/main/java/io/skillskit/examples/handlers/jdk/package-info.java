/**
 * A skill endpoint on the JDK's built-in HTTP server, for running a skill on one machine without
 * any web framework. Start at {@link io.skillskit.examples.handlers.jdk.JdkSkillServer}.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.handlers.jdk;
