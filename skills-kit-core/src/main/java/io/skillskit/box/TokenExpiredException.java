package io.skillskit.box;

import io.skillskit.SkillsKitException;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Thrown when a skill token can no longer be used: its expiry time has passed, so the kit made no
 * call, or Box rejected it with HTTP 401.
 *
 * <p>Skill tokens cannot be refreshed, so nothing the skill does with the same event will work:
 * neither a retry nor an error card. Box invokes the skill again with fresh tokens when the file
 * changes or the skill is re-run. Check {@link SkillsWriter#remainingTokenLifetime()} before long
 * work to fail early.
 *
 * <p>The exception carries the ids of the invocation, skill and file, but never a token.
 */
public class TokenExpiredException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** Name of the token that failed: {@code read} or {@code write}. */
  private final String tokenName;

  /** Expiry the event stated, or {@code null}. */
  private final Instant expiresAt;

  /** Id of the invocation. */
  private final String invocationId;

  /** Id of the skill. */
  private final String skillId;

  /** Id of the file. */
  private final String fileId;

  /** HTTP status from Box, or {@link BoxCallException#NO_STATUS} when no call was made. */
  private final int statusCode;

  /** Box's request id, or {@code null}. */
  private final String boxRequestId;

  TokenExpiredException(
      String message,
      String tokenName,
      Instant expiresAt,
      String invocationId,
      String skillId,
      String fileId,
      int statusCode,
      String boxRequestId) {
    super(message);
    this.tokenName = tokenName;
    this.expiresAt = expiresAt;
    this.invocationId = invocationId;
    this.skillId = skillId;
    this.fileId = fileId;
    this.statusCode = statusCode;
    this.boxRequestId = boxRequestId;
  }

  /**
   * Returns which of the event's tokens failed.
   *
   * @return {@code "read"} or {@code "write"}
   */
  public String tokenName() {
    return tokenName;
  }

  /**
   * Returns when the token expired, as the event stated.
   *
   * @return the expiry instant, or empty when the event did not say
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Returns the id of the invocation whose token failed.
   *
   * @return the invocation id from the event
   */
  public String invocationId() {
    return invocationId;
  }

  /**
   * Returns the id of the skill whose token failed.
   *
   * @return the skill id from the event
   */
  public String skillId() {
    return skillId;
  }

  /**
   * Returns the id of the file the token was limited to.
   *
   * @return the file id from the event
   */
  public String fileId() {
    return fileId;
  }

  /**
   * Returns the HTTP status Box responded with.
   *
   * @return 401 when Box rejected the token, or empty when the kit found the token expired before
   *     calling Box
   */
  public OptionalInt statusCode() {
    return statusCode == BoxCallException.NO_STATUS
        ? OptionalInt.empty()
        : OptionalInt.of(statusCode);
  }

  /**
   * Returns Box's id for the rejected request.
   *
   * @return the request id, or empty when no call was made or Box sent none
   */
  public Optional<String> boxRequestId() {
    return Optional.ofNullable(boxRequestId);
  }
}
