/**
 * A Jakarta Servlet skill endpoint and an embedded Jetty 12 launcher for it, for running a skill in
 * a servlet container. Start at {@link io.skillskit.examples.handlers.servlet.SkillServlet}.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.handlers.servlet;
