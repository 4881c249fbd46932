package io.skillskit.box;

/**
 * Whether a failed invocation may succeed when Box invokes the skill again. It decides the
 * invocation status an error card is written with.
 */
public enum FailureType {
  /**
   * The failure may go away, for example a rate limit or a timeout: status {@code
   * transient_failure}.
   */
  TRANSIENT(InvocationStatus.TRANSIENT_FAILURE),
  /**
   * The same file will fail again, for example an unsupported format: status {@code
   * permanent_failure}.
   */
  PERMANENT(InvocationStatus.PERMANENT_FAILURE);

  private final InvocationStatus status;

  FailureType(InvocationStatus status) {
    this.status = status;
  }

  /**
   * Returns the invocation status an error card of this kind is written with.
   *
   * @return {@link InvocationStatus#TRANSIENT_FAILURE} or {@link
   *     InvocationStatus#PERMANENT_FAILURE}
   */
  public InvocationStatus invocationStatus() {
    return status;
  }
}
