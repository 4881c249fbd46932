/**
 * An invocation sender: builds skill invocation events the way Box does, signs them with the
 * primary and secondary keys, POSTs them to a skill on the local machine, and re-delivers them when
 * the skill does not acknowledge in time.
 *
 * <p>Start with {@link io.skillskit.examples.sender.InvocationEvent#builder} on a grant from {@link
 * io.skillskit.examples.localbox.LocalBox#invocationFor(String)}, then {@link
 * io.skillskit.examples.sender.InvocationSender#send}. {@link
 * io.skillskit.examples.sender.DeliveryOptions} sends deliberately bad deliveries for tests.
 *
 * <p>Parameters and return values are non-null unless a member's documentation states otherwise.
 */
package io.skillskit.examples.sender;
