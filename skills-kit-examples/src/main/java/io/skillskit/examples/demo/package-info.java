/**
 * The demo the README starts with: LocalBox with generated sample files, the example skills behind
 * the JDK HTTP server, signed invocations, and a printed summary of the cards each file received.
 * Start at {@link io.skillskit.examples.demo.Demo}.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.demo;
