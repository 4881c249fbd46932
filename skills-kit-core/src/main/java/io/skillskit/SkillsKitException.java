package io.skillskit;

/**
 * Unchecked root of every exception the kit throws for a failed step of a skill: a rejected
 * signature, an invalid event, a file the skill cannot handle, or a failed Box call.
 *
 * <p>Programming mistakes, such as passing {@code null} or an out-of-range value to a builder,
 * are reported with {@link IllegalArgumentException} or {@link IllegalStateException} instead.
 * No message of this exception or its subclasses contains a token, a signing key or a URL that
 * carries a token.
 */
public class SkillsKitException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, on which value, and what to do next
   */
  public SkillsKitException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception that caused it.
   *
   * @param message what failed, on which value, and what to do next
   * @param cause the underlying failure, kept for diagnosis
   */
  public SkillsKitException(String message, Throwable cause) {
    super(message, cause);
  }
}
