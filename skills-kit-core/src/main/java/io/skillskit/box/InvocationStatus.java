package io.skillskit.box;

/**
 * Status of a skill invocation that a skill reports to Box with its cards, sent as the {@code
 * status} field of {@code PUT /2.0/skill_invocations/{skill_id}}.
 */
public enum InvocationStatus {
  /** Box invoked the skill; the skill has not reported yet. */
  INVOKED("invoked"),
  /** The skill is working on the file. */
  PROCESSING("processing"),
  /** The skill finished and wrote its cards. */
  SUCCESS("success"),
  /** The skill failed in a way that may go away on a later invocation. */
  TRANSIENT_FAILURE("transient_failure"),
  /** The skill failed and will fail again on the same file. */
  PERMANENT_FAILURE("permanent_failure");

  private final String wireValue;

  InvocationStatus(String wireValue) {
    this.wireValue = wireValue;
  }

  /**
   * Returns the value Box expects in the request body.
   *
   * @return for example {@code "transient_failure"}
   */
  public String wireValue() {
    return wireValue;
  }

  /**
   * Tells whether the status ends the invocation: success or either failure.
   *
   * @return {@code true} for {@link #SUCCESS}, {@link #TRANSIENT_FAILURE} and {@link
   *     #PERMANENT_FAILURE}
   */
  public boolean isTerminal() {
    return this == SUCCESS || this == TRANSIENT_FAILURE || this == PERMANENT_FAILURE;
  }
}
