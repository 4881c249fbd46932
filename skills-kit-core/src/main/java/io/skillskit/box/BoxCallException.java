package io.skillskit.box;

import io.skillskit.SkillsKitException;
import java.util.Optional;

/**
 * Thrown when a call to Box fails: Box responded with an error status, kept failing after the
 * retries, or could not be reached.
 *
 * <p>The accessors give what a handler needs without parsing the message: the HTTP status, Box's
 * error code and request id (quote it to Box support), the method and path of the call, and whether
 * trying again later may help. The message says what failed and what to do; it never contains a
 * token, a query string, a download URL or a request or response body.
 *
 * <pre>{@code
 * try {
 *   writer.saveDataCards(List.of(topics));
 * } catch (BoxCallException e) {
 *   log.warn("cards not saved: status {}, Box request id {}", e.statusCode(),
 *       e.boxRequestId().orElse("none"));
 * }
 * }</pre>
 */
public class BoxCallException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** {@link #statusCode()} of a call that got no HTTP response, such as a refused connection. */
  public static final int NO_STATUS = 0;

  /** HTTP status of Box's last response, or {@link #NO_STATUS}. */
  private final int statusCode;

  /** Box's error code from the response body, or {@code null}. */
  private final String boxErrorCode;

  /** Box's request id, or {@code null}. */
  private final String boxRequestId;

  /** HTTP method of the failed call. */
  private final String method;

  /** Path of the failed call, without query string. */
  private final String path;

  /** Number of attempts made. */
  private final int attempts;

  /** Whether the same call may succeed later. */
  private final FailureType failureType;

  BoxCallException(
      String message,
      Throwable cause,
      int statusCode,
      String boxErrorCode,
      String boxRequestId,
      String method,
      String path,
      int attempts,
      FailureType failureType) {
    super(message, cause);
    this.statusCode = statusCode;
    this.boxErrorCode = boxErrorCode;
    this.boxRequestId = boxRequestId;
    this.method = method;
    this.path = path;
    this.attempts = attempts;
    this.failureType = failureType;
  }

  /**
   * Returns the HTTP status of Box's last response.
   *
   * @return the status, or {@link #NO_STATUS} when no response arrived
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * Returns Box's error code from the response body, such as {@code tuple_already_exists}.
   *
   * @return the code, or empty when the response had no JSON error body
   */
  public Optional<String> boxErrorCode() {
    return Optional.ofNullable(boxErrorCode);
  }

  /**
   * Returns Box's id for the failed request, from the body's {@code request_id} or the {@code
   * box-request-id} header. Box support needs it to trace the request.
   *
   * @return the request id, or empty when Box sent none
   */
  public Optional<String> boxRequestId() {
    return Optional.ofNullable(boxRequestId);
  }

  /**
   * Returns the HTTP method of the failed call.
   *
   * @return for example {@code "PUT"}
   */
  public String method() {
    return method;
  }

  /**
   * Returns the path of the failed call, without query string. A call to a pre-signed download
   * location shows {@code <download location>} instead, because that URL grants access.
   *
   * @return for example {@code "/2.0/skill_invocations/10027"}
   */
  public String path() {
    return path;
  }

  /**
   * Returns how many attempts were made before giving up.
   *
   * @return the number of attempts, at least 1
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Tells whether the same call may succeed later: {@link FailureType#TRANSIENT} for rate limits,
   * Box server errors, timeouts and network failures, and {@link FailureType#PERMANENT} otherwise.
   * Pass it on to {@link SkillsWriter#saveErrorCard(io.skillskit.cards.SkillsError, FailureType)}.
   *
   * @return the kind of failure
   */
  public FailureType failureType() {
    return failureType;
  }
}
