package io.skillskit.examples.sender;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One delivery of an invocation event to a skill.
 *
 * @param number the attempt number, 1 for the first delivery
 * @param deliveryId the {@code BOX-DELIVERY-ID} sent
 * @param timestamp the {@code BOX-DELIVERY-TIMESTAMP} sent
 * @param outcome how the delivery ended
 * @param statusCode the skill's HTTP status, empty when no response arrived
 * @param elapsed the real time from sending to the response or the failure
 * @param responseBody the skill's response body as UTF-8, cut to 4096 characters, "" when none
 * @param failure the exception type and message when no response arrived, else ""
 */
public record DeliveryAttempt(
    int number,
    String deliveryId,
    String timestamp,
    Outcome outcome,
    OptionalInt statusCode,
    Duration elapsed,
    String responseBody,
    String failure) {

  /** The way a delivery ended. */
  public enum Outcome {
    /** The skill responded with a 2xx status within the acknowledgement timeout. */
    ACKNOWLEDGED,
    /** The skill responded with a status other than 2xx. */
    REJECTED,
    /** The skill did not respond within the acknowledgement timeout. */
    TIMED_OUT,
    /** The connection failed, for example because nothing listens at the URL. */
    FAILED
  }

  /**
   * Checks the components.
   *
   * @param number the attempt number, 1 for the first delivery
   * @param deliveryId the {@code BOX-DELIVERY-ID} sent
   * @param timestamp the {@code BOX-DELIVERY-TIMESTAMP} sent
   * @param outcome how the delivery ended
   * @param statusCode the skill's HTTP status, empty when no response arrived
   * @param elapsed the real time from sending to the response or the failure
   * @param responseBody the skill's response body as UTF-8, cut to 4096 characters, "" when none
   * @param failure the exception type and message when no response arrived, else ""
   * @throws NullPointerException when a component is null
   */
  public DeliveryAttempt {
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(statusCode, "statusCode");
    Objects.requireNonNull(elapsed, "elapsed");
    Objects.requireNonNull(responseBody, "responseBody");
    Objects.requireNonNull(failure, "failure");
  }
}
