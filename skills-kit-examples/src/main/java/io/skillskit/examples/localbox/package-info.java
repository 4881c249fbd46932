/**
 * LocalBox: a stateful stand-in for the Box endpoints a skill touches, on 127.0.0.1, so that a
 * skill can be run and tested end to end on one machine with no network.
 *
 * <p>Start with {@link io.skillskit.examples.localbox.LocalBox}: add files, mint the tokens of an
 * invocation with {@link io.skillskit.examples.localbox.LocalBox#invocationFor(String)}, script
 * faults with {@link io.skillskit.examples.localbox.LocalBox#faults()}, and assert on the recorded
 * requests and stored cards afterwards. LocalBox depends on no class of the kit's core, so it tests
 * the kit from the outside.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.localbox;
