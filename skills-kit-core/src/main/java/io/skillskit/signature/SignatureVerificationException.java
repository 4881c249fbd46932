package io.skillskit.signature;

import io.skillskit.SkillsKitException;

/**
 * Thrown when a request fails signature verification, so it must not be trusted or processed.
 *
 * <p>{@link #reason()} gives callers the cause without parsing the message. Every reason means the
 * request is not proven to come from Box; an HTTP handler responds to all of them with {@code 401
 * Unauthorized} and does not read the body any further. The message names the header and, when it
 * is not secret, the value that was received, and says what to check next. It never contains a
 * signing key or a received signature value.
 */
public class SignatureVerificationException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /** Cause of a failed verification. */
  public enum Reason {
    /** The body passed to the validator is {@code null}. */
    MISSING_BODY,
    /**
     * A required header is absent or blank: the delivery timestamp, the version, the algorithm, or
     * the signature header of every configured key.
     */
    MISSING_HEADER,
    /** A required header was given more than once with different values. */
    AMBIGUOUS_HEADER,
    /** {@code box-signature-version} is not exactly {@code 1}. */
    UNSUPPORTED_VERSION,
    /** {@code box-signature-algorithm} is not exactly {@code HmacSHA256}. */
    UNSUPPORTED_ALGORITHM,
    /**
     * {@code box-delivery-timestamp} is not an RFC 3339 date-time with seconds and an offset
     * ({@code Z} or {@code ±HH:MM}).
     */
    MALFORMED_TIMESTAMP,
    /** {@code box-delivery-timestamp} is older than the validator's maximum age. */
    EXPIRED,
    /**
     * {@code box-delivery-timestamp} lies further in the future than the validator's allowance for
     * clock skew.
     */
    FROM_FUTURE,
    /**
     * A signature header that would have been checked is not the standard Base64 form (with
     * padding) of a 32-byte HMAC-SHA256 value, and no other signature matched.
     */
    MALFORMED_SIGNATURE,
    /** No signature header matched the HMAC computed with its configured key. */
    SIGNATURE_MISMATCH
  }

  /** The cause of the failure, part of the serialized form. */
  private final Reason reason;

  /**
   * Creates an exception. The kit throws it from {@link SignatureValidator}; the constructor is
   * public so that tests of request handlers can simulate a rejection.
   *
   * @param reason the cause of the failure
   * @param message what failed, on which header, and what to check; must not contain a key
   * @throws IllegalArgumentException if {@code reason} is {@code null}
   */
  public SignatureVerificationException(Reason reason, String message) {
    super(message);
    if (reason == null) {
      throw new IllegalArgumentException(
          "reason is null; pass a SignatureVerificationException.Reason");
    }
    this.reason = reason;
  }

  /**
   * Returns the cause of the failure.
   *
   * @return the reason, never {@code null}
   */
  public Reason reason() {
    return reason;
  }
}
