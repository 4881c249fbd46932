package io.skillskit.examples.sender;

import java.util.List;
import java.util.Objects;

/**
 * Every delivery of one invocation event, in order, ending with the first acknowledged one or the
 * last allowed re-delivery.
 *
 * @param invocationId the invocation id every delivery carried
 * @param attempts the deliveries, at least one
 */
public record DeliveryResult(String invocationId, List<DeliveryAttempt> attempts) {

  /**
   * Checks the components and copies the list.
   *
   * @param invocationId the invocation id every delivery carried
   * @param attempts the deliveries, at least one
   * @throws NullPointerException when a component is null
   * @throws IllegalArgumentException when there are no attempts
   */
  public DeliveryResult {
    Objects.requireNonNull(invocationId, "invocationId");
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("attempts is empty; expected at least one delivery");
    }
  }

  /**
   * Returns whether the skill acknowledged a delivery.
   *
   * @return true when the skill responded to the last delivery with 2xx in time
   */
  public boolean isAcknowledged() {
    return lastAttempt().outcome() == DeliveryAttempt.Outcome.ACKNOWLEDGED;
  }

  /**
   * Returns the last delivery.
   *
   * @return the final attempt
   */
  public DeliveryAttempt lastAttempt() {
    return attempts.get(attempts.size() - 1);
  }
}
