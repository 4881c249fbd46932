package io.skillskit.signature;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies that a skill invocation request was signed by Box and is fresh.
 *
 * <p>Box signs each request with the app's primary and secondary signature keys. A request is valid
 * when
 *
 * <ol>
 *   <li>{@code box-signature-version} is exactly {@code 1} and {@code box-signature-algorithm} is
 *       exactly {@code HmacSHA256};
 *   <li>{@code box-delivery-timestamp} is an RFC 3339 date-time with an offset, at most {@link
 *       Builder#maxAge(Duration) maxAge} old and at most {@link Builder#futureSkew(Duration)
 *       futureSkew} ahead of the clock;
 *   <li>for the primary or the secondary key, the key is configured, its header ({@code
 *       box-signature-primary} or {@code box-signature-secondary}) is present, and the header
 *       equals the standard Base64 form of HMAC-SHA256 over the raw body bytes followed by the
 *       timestamp header's bytes, keyed with the UTF-8 bytes of the key string. A header is only
 *       ever compared with the digest made with its own key, in constant time.
 * </ol>
 *
 * <p>Either key matching is enough, so keys can be rotated one at a time: configure the new key
 * here before or when it is reset in the Box Developer Console.
 *
 * <p>Pass the body exactly as it arrived, as bytes, before anything parses it; JSON that was parsed
 * and written again almost never has the same bytes. Header names match in any case. A header value
 * loses surrounding spaces and tabs, and a {@code null} or blank value counts as absent.
 *
 * <pre>{@code
 * SignatureValidator validator =
 *     SignatureValidator.builder()
 *         .primaryKey(primaryKey)
 *         .secondaryKey(secondaryKey)
 *         .maxAge(Duration.ofMinutes(10))
 *         .clock(clock)
 *         .build();
 *
 * try {
 *   validator.verify(body, headers);
 * } catch (SignatureVerificationException e) {
 *   // Nothing in this body can be trusted: respond with 401 and stop.
 *   return 401;
 * }
 * // Only now parse the same bytes and start the work.
 * return 200;
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe; build one at start-up and share it. A {@code null}
 * body or header map is a failed verification, not a {@link NullPointerException}. Successful
 * checks log at DEBUG which key matched; no method logs a key, a signature or the body.
 *
 * @see <a href="https://developer.box.com/guides/webhooks/v2/signatures-v2/">Box: verifying webhook
 *     signatures</a>
 */
public final class SignatureValidator {

  /**
   * The maximum age used when the builder sets none: 10 minutes, as Box's webhook guide recommends.
   */
  public static final Duration DEFAULT_MAX_AGE = Duration.ofMinutes(10);

  /**
   * How far a timestamp may lie in the future when the builder sets nothing else: 60 seconds,
   * enough for ordinary clock differences between Box and the skill's server.
   */
  public static final Duration DEFAULT_FUTURE_SKEW = Duration.ofSeconds(60);

  private static final Logger log = LoggerFactory.getLogger(SignatureValidator.class);

  private static final String KEYS_HINT =
      " Check that the configured keys are the app's current signature keys in the Box Developer"
          + " Console and that no proxy removes box-* headers.";

  private static final int MAX_SHOWN_VALUE_LENGTH = 64;

  private final SigningKey primaryKey;
  private final SigningKey secondaryKey;
  private final Duration maxAge;
  private final Duration futureSkew;
  private final Clock clock;
  private final boolean escapedBodyFallback;
  private final boolean checksSignatures;

  private SignatureValidator(Builder builder) {
    this.primaryKey = builder.primaryKey;
    this.secondaryKey = builder.secondaryKey;
    this.maxAge = builder.maxAge;
    this.futureSkew = builder.futureSkew;
    this.clock = builder.clock;
    this.escapedBodyFallback = builder.escapedBodyFallback;
    this.checksSignatures = true;
  }

  private SignatureValidator() {
    this.primaryKey = null;
    this.secondaryKey = null;
    this.maxAge = DEFAULT_MAX_AGE;
    this.futureSkew = DEFAULT_FUTURE_SKEW;
    this.clock = Clock.systemUTC();
    this.escapedBodyFallback = false;
    this.checksSignatures = false;
  }

  /**
   * Starts a validator with the defaults: no keys yet, maximum age {@link #DEFAULT_MAX_AGE}, future
   * allowance {@link #DEFAULT_FUTURE_SKEW}, {@link Clock#systemUTC()}, escaped-body fallback off.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns a validator that accepts every request without checking anything, for running a skill
   * locally without Box. Each call of {@code verify} logs a WARN line saying the signature was not
   * checked. Never use it for a skill that Box can reach: anyone who can send it a request could
   * make it act on files with tokens of their choosing.
   *
   * @return a validator whose {@code verify} methods always pass and whose {@code isValid} methods
   *     always return {@code true}
   */
  public static SignatureValidator acceptingUnsignedRequestsForLocalTesting() {
    return new SignatureValidator();
  }

  /**
   * Verifies a request whose headers have one value per name.
   *
   * @param body the raw request body exactly as received; an empty body is {@code new byte[0]}
   * @param headers the request headers, names in any case; the map may hold {@code null} names or
   *     values, which are ignored
   * @throws SignatureVerificationException if the request is not proven to come from Box, with a
   *     {@link SignatureVerificationException#reason() reason} saying why
   */
  public void verify(byte[] body, Map<String, String> headers) {
    if (!checksSignatures) {
      warnUnchecked();
      return;
    }
    if (headers == null) {
      throw nullHeaderMap();
    }
    check(body, ReceivedHeaders.fromSingleValued(headers));
  }

  /**
   * Tells whether a request with one header value per name passes {@link #verify(byte[], Map)}. The
   * reason for a rejection is logged at DEBUG.
   *
   * @param body the raw request body exactly as received
   * @param headers the request headers, names in any case
   * @return {@code true} if the request is signed by Box and fresh
   */
  public boolean isValid(byte[] body, Map<String, String> headers) {
    try {
      verify(body, headers);
      return true;
    } catch (SignatureVerificationException e) {
      logRejection(e);
      return false;
    }
  }

  /**
   * Verifies a request whose headers have a collection of values per name, as servlet, JAX-RS
   * ({@code MultivaluedMap}) and API Gateway ({@code multiValueHeaders}) APIs hand them over.
   *
   * <p>A header that appears with several values is accepted when all its non-blank values are
   * equal, and rejected with {@link Reason#AMBIGUOUS_HEADER} otherwise, because it is then unclear
   * which value Box sent. The same holds for one header spelled in several cases.
   *
   * @param body the raw request body exactly as received
   * @param headers the request headers, names in any case; {@code null} collections and elements
   *     are ignored
   * @throws SignatureVerificationException if the request is not proven to come from Box
   */
  public void verifyMultiValued(byte[] body, Map<String, ? extends Collection<String>> headers) {
    if (!checksSignatures) {
      warnUnchecked();
      return;
    }
    if (headers == null) {
      throw nullHeaderMap();
    }
    check(body, ReceivedHeaders.fromMultiValued(headers));
  }

  /**
   * Tells whether a request with several values per header name passes {@link
   * #verifyMultiValued(byte[], Map)}. The reason for a rejection is logged at DEBUG.
   *
   * @param body the raw request body exactly as received
   * @param headers the request headers, names in any case
   * @return {@code true} if the request is signed by Box and fresh
   */
  public boolean isValidMultiValued(
      byte[] body, Map<String, ? extends Collection<String>> headers) {
    try {
      verifyMultiValued(body, headers);
      return true;
    } catch (SignatureVerificationException e) {
      logRejection(e);
      return false;
    }
  }

  /**
   * Tells whether this validator checks signatures. It is {@code false} only for {@link
   * #acceptingUnsignedRequestsForLocalTesting()}, so a server can refuse to start with it outside
   * local testing.
   *
   * @return {@code true} for every validator made by {@link #builder()}
   */
  public boolean checksSignatures() {
    return checksSignatures;
  }

  /**
   * Describes the configuration without any key, for example {@code
   * SignatureValidator[primaryKey=***, secondaryKey=absent, maxAge=PT10M, futureSkew=PT1M,
   * escapedBodyFallback=off]}.
   *
   * @return the configuration with keys shown as {@code ***}
   */
  @Override
  public String toString() {
    if (!checksSignatures) {
      return "SignatureValidator[UNSIGNED: accepts every request without checking; local testing"
          + " only]";
    }
    return "SignatureValidator[primaryKey="
        + (primaryKey == null ? "absent" : "***")
        + ", secondaryKey="
        + (secondaryKey == null ? "absent" : "***")
        + ", maxAge="
        + maxAge
        + ", futureSkew="
        + futureSkew
        + ", escapedBodyFallback="
        + (escapedBodyFallback ? "on" : "off")
        + "]";
  }

  private void check(byte[] body, ReceivedHeaders received) {
    if (received.isEmpty()) {
      throw new SignatureVerificationException(
          Reason.MISSING_HEADER,
          "The request has none of the Box signature headers ("
              + SignatureHeaders.DELIVERY_TIMESTAMP
              + ", "
              + SignatureHeaders.SIGNATURE_VERSION
              + ", "
              + SignatureHeaders.SIGNATURE_ALGORITHM
              + ", "
              + SignatureHeaders.SIGNATURE_PRIMARY
              + ", "
              + SignatureHeaders.SIGNATURE_SECONDARY
              + "). Box adds them once signature keys exist for the app in the Box Developer"
              + " Console; check that they do and that no proxy removes box-* headers.");
    }

    String version = require(received, ReceivedHeaders.VERSION);
    if (!SignatureHeaders.SUPPORTED_VERSION.equals(version)) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_VERSION,
          SignatureHeaders.SIGNATURE_VERSION
              + " "
              + show(version)
              + " is not supported; only version "
              + SignatureHeaders.SUPPORTED_VERSION
              + " is. A new version from Box needs a newer Skills Kit.");
    }
    String algorithm = require(received, ReceivedHeaders.ALGORITHM);
    if (!SignatureHeaders.SUPPORTED_ALGORITHM.equals(algorithm)) {
      throw new SignatureVerificationException(
          Reason.UNSUPPORTED_ALGORITHM,
          SignatureHeaders.SIGNATURE_ALGORITHM
              + " "
              + show(algorithm)
              + " is not supported; only "
              + SignatureHeaders.SUPPORTED_ALGORITHM
              + " is, spelled exactly so.");
    }

    String timestamp = require(received, ReceivedHeaders.TIMESTAMP);
    checkFreshness(timestamp);

    if (body == null) {
      throw new SignatureVerificationException(
          Reason.MISSING_BODY,
          "The request body is null. Pass the raw body bytes exactly as received; an empty body"
              + " is new byte[0].");
    }
    checkSignatures(body, timestamp, received);
  }

  private String require(ReceivedHeaders received, int slot) {
    String value = received.get(slot);
    if (value == null) {
      throw new SignatureVerificationException(
          Reason.MISSING_HEADER, ReceivedHeaders.nameOf(slot) + " is missing." + KEYS_HINT);
    }
    return value;
  }

  private void checkFreshness(String timestamp) {
    Instant sentAt = DeliveryTimestamp.parse(timestamp);
    if (sentAt == null) {
      throw new SignatureVerificationException(
          Reason.MALFORMED_TIMESTAMP,
          SignatureHeaders.DELIVERY_TIMESTAMP
              + " "
              + show(timestamp)
              + " is not an RFC 3339 date-time with seconds and an offset, such as"
              + " 2024-05-01T10:00:00-07:00 or 2024-05-01T17:00:00Z. Check that the header reaches"
              + " the skill unchanged.");
    }

    Duration age = Duration.between(sentAt, clock.instant());
    if (age.compareTo(maxAge) > 0) {
      throw new SignatureVerificationException(
          Reason.EXPIRED,
          SignatureHeaders.DELIVERY_TIMESTAMP
              + " "
              + timestamp
              + " is "
              + seconds(age)
              + " old; the limit is "
              + seconds(maxAge)
              + ". Check the server clock or raise maxAge.");
    }
    if (age.isNegative() && age.negated().compareTo(futureSkew) > 0) {
      throw new SignatureVerificationException(
          Reason.FROM_FUTURE,
          SignatureHeaders.DELIVERY_TIMESTAMP
              + " "
              + timestamp
              + " is "
              + seconds(age.negated())
              + " in the future; at most "
              + seconds(futureSkew)
              + " is allowed. Check the server clock or raise futureSkew.");
    }
  }

  private void checkSignatures(byte[] body, String timestamp, ReceivedHeaders received) {
    String primaryHeader = primaryKey == null ? null : received.get(ReceivedHeaders.PRIMARY);
    String secondaryHeader = secondaryKey == null ? null : received.get(ReceivedHeaders.SECONDARY);
    byte[] primarySignature =
        primaryHeader == null ? null : SignatureEncoding.decode(primaryHeader);
    byte[] secondarySignature =
        secondaryHeader == null ? null : SignatureEncoding.decode(secondaryHeader);

    boolean escapedBodyTried = false;
    if (primarySignature != null || secondarySignature != null) {
      // The timestamp passed the parser, so it is ASCII: its ISO-8859-1 bytes, which the JDK
      // copies without encoding work, are its UTF-8 bytes.
      byte[] timestampBytes = timestamp.getBytes(StandardCharsets.ISO_8859_1);
      if (matches(primaryKey, primarySignature, body, timestampBytes)) {
        log.debug("Signature verified with the primary key");
        return;
      }
      if (matches(secondaryKey, secondarySignature, body, timestampBytes)) {
        log.debug("Signature verified with the secondary key");
        return;
      }
      if (escapedBodyFallback) {
        byte[] escapedBody = EscapedBody.of(body);
        if (!Arrays.equals(escapedBody, body)) {
          escapedBodyTried = true;
          if (matches(primaryKey, primarySignature, escapedBody, timestampBytes)) {
            log.debug("Signature verified with the primary key over the escaped body");
            return;
          }
          if (matches(secondaryKey, secondarySignature, escapedBody, timestampBytes)) {
            log.debug("Signature verified with the secondary key over the escaped body");
            return;
          }
        }
      }
    }

    throw noMatch(
        received,
        primaryHeader,
        primarySignature,
        secondaryHeader,
        secondarySignature,
        escapedBodyTried);
  }

  private static boolean matches(
      SigningKey key, byte[] receivedSignature, byte[] body, byte[] timestamp) {
    return receivedSignature != null
        && MessageDigest.isEqual(key.hmac(body, timestamp), receivedSignature);
  }

  /** Builds the rejection for a request where no configured key matched its header. */
  private SignatureVerificationException noMatch(
      ReceivedHeaders received,
      String primaryHeader,
      byte[] primarySignature,
      String secondaryHeader,
      byte[] secondarySignature,
      boolean escapedBodyTried) {
    StringBuilder message = new StringBuilder();
    describeKey(
        message,
        "primary",
        primaryKey,
        received.get(ReceivedHeaders.PRIMARY),
        SignatureHeaders.SIGNATURE_PRIMARY,
        primarySignature);
    describeKey(
        message,
        "secondary",
        secondaryKey,
        received.get(ReceivedHeaders.SECONDARY),
        SignatureHeaders.SIGNATURE_SECONDARY,
        secondarySignature);

    Reason reason;
    boolean anyMalformed =
        (primaryHeader != null && primarySignature == null)
            || (secondaryHeader != null && secondarySignature == null);
    if (primaryHeader == null && secondaryHeader == null) {
      reason = Reason.MISSING_HEADER;
      message.append(KEYS_HINT);
    } else if (anyMalformed) {
      reason = Reason.MALFORMED_SIGNATURE;
      message.append(" Check that no proxy or framework changes the signature headers.");
    } else {
      reason = Reason.SIGNATURE_MISMATCH;
      message.append(
          " Check that the configured keys are the app's current signature keys and that the"
              + " body is passed exactly as received, not parsed and written again.");
      if (escapedBodyTried) {
        message.append(" The escaped-body fallback did not match either.");
      }
    }
    return new SignatureVerificationException(reason, message.toString().strip());
  }

  private static void describeKey(
      StringBuilder message,
      String role,
      SigningKey key,
      String header,
      String headerName,
      byte[] decodedSignature) {
    if (key == null && header == null) {
      return;
    }
    message.append(' ').append(headerName);
    if (key == null) {
      message.append(" was not checked because no ").append(role).append(" key is configured.");
    } else if (header == null) {
      message.append(" is missing.");
    } else if (decodedSignature == null) {
      message.append(' ').append(malformedSignatureProblem(header)).append('.');
    } else {
      message.append(" does not match the ").append(role).append(" key.");
    }
  }

  /** Describes what is wrong with a signature value without showing the value. */
  private static String malformedSignatureProblem(String value) {
    String expected =
        "; an HMAC-SHA256 signature is 44 characters of standard Base64 ending in '='";
    if (value.length() != SignatureEncoding.ENCODED_LENGTH) {
      return "has " + value.length() + " characters" + expected;
    }
    if (value.indexOf('-') >= 0 || value.indexOf('_') >= 0) {
      return "uses the URL-safe Base64 alphabet ('-', '_'); Box sends standard Base64 ('+', '/')";
    }
    if (value.charAt(SignatureEncoding.ENCODED_LENGTH - 1) != '=') {
      return "does not end in '='" + expected;
    }
    return "is not the standard Base64 form of a 32-byte HMAC-SHA256 value";
  }

  /**
   * Quotes a received header value for a message: keys removed, non-printable and non-ASCII
   * characters escaped, long values cut, so a crafted header cannot forge log lines.
   */
  private String show(String value) {
    String redacted = value;
    if (primaryKey != null) {
      redacted = primaryKey.redact(redacted);
    }
    if (secondaryKey != null) {
      redacted = secondaryKey.redact(redacted);
    }
    StringBuilder quoted = new StringBuilder("\"");
    int end = Math.min(redacted.length(), MAX_SHOWN_VALUE_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = redacted.charAt(i);
      if (c == '"' || c == '\\') {
        quoted.append('\\').append(c);
      } else if (c >= 0x20 && c < 0x7f) {
        quoted.append(c);
      } else {
        quoted.append(String.format("\\u%04x", (int) c));
      }
    }
    quoted.append('"');
    if (redacted.length() > end) {
      quoted.append(" (cut from ").append(redacted.length()).append(" characters)");
    }
    return quoted.toString();
  }

  /** Formats a duration as seconds, with a fraction only when it has one: "900 s", "0.5 s". */
  private static String seconds(Duration duration) {
    String text =
        BigDecimal.valueOf(duration.getSeconds())
            .add(BigDecimal.valueOf(duration.getNano(), 9))
            .stripTrailingZeros()
            .toPlainString();
    return text + " s";
  }

  private static SignatureVerificationException nullHeaderMap() {
    return new SignatureVerificationException(
        Reason.MISSING_HEADER,
        "The header map is null. Pass the request's headers, with names in any case.");
  }

  private static void warnUnchecked() {
    log.warn(
        "Accepting a request WITHOUT verifying its signature: this validator comes from"
            + " acceptingUnsignedRequestsForLocalTesting() and must never receive real traffic.");
  }

  private static void logRejection(SignatureVerificationException e) {
    log.debug("Signature rejected ({}): {}", e.reason(), e.getMessage());
  }

  /**
   * Configures a {@link SignatureValidator}. At least one key is required. Setters check their
   * argument at once, and no message of theirs contains a key. A builder is not thread-safe, but
   * the validators it builds are.
   */
  public static final class Builder {

    private SigningKey primaryKey;
    private SigningKey secondaryKey;
    private Duration maxAge = DEFAULT_MAX_AGE;
    private Duration futureSkew = DEFAULT_FUTURE_SKEW;
    private Clock clock = Clock.systemUTC();
    private boolean escapedBodyFallback;

    private Builder() {}

    /**
     * Sets the app's primary signature key.
     *
     * @param key the key exactly as the Box Developer Console shows it (app &gt; Webhooks &gt;
     *     Manage signature keys). Its UTF-8 bytes are the HMAC key, and it is not Base64-decoded.
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is {@code null}, empty, blank or has leading
     *     or trailing whitespace
     */
    public Builder primaryKey(String key) {
      this.primaryKey = SigningKey.of(key, "primaryKey");
      return this;
    }

    /**
     * Sets the app's secondary signature key. Optional: without it, {@code box-signature-secondary}
     * is ignored. Configure both keys to rotate one at a time.
     *
     * @param key the key exactly as the Box Developer Console shows it
     * @return this builder
     * @throws IllegalArgumentException if {@code key} is {@code null}, empty, blank or has leading
     *     or trailing whitespace; leave the setter out when there is no secondary key
     */
    public Builder secondaryKey(String key) {
      this.secondaryKey = SigningKey.of(key, "secondaryKey");
      return this;
    }

    /**
     * Sets how old {@code box-delivery-timestamp} may be. A request exactly this old passes; one a
     * moment older fails with {@link Reason#EXPIRED}. Defaults to {@link #DEFAULT_MAX_AGE}.
     *
     * @param maxAge a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code maxAge} is {@code null}, zero or negative
     */
    public Builder maxAge(Duration maxAge) {
      if (maxAge == null || maxAge.isZero() || maxAge.isNegative()) {
        throw new IllegalArgumentException(
            "maxAge must be a positive duration, got "
                + maxAge
                + ". Box asks receivers to reject deliveries older than 10 minutes (PT10M).");
      }
      this.maxAge = maxAge;
      return this;
    }

    /**
     * Sets how far {@code box-delivery-timestamp} may lie ahead of the clock, to allow for clock
     * differences between Box and this server. A request further ahead fails with {@link
     * Reason#FROM_FUTURE}. Defaults to {@link #DEFAULT_FUTURE_SKEW}; {@link Duration#ZERO} rejects
     * every timestamp later than the clock.
     *
     * @param futureSkew zero or a positive duration
     * @return this builder
     * @throws IllegalArgumentException if {@code futureSkew} is {@code null} or negative
     */
    public Builder futureSkew(Duration futureSkew) {
      if (futureSkew == null || futureSkew.isNegative()) {
        throw new IllegalArgumentException(
            "futureSkew must be zero or a positive duration, got " + futureSkew + ".");
      }
      this.futureSkew = futureSkew;
      return this;
    }

    /**
     * Sets the clock that timestamps are compared with. Defaults to {@link Clock#systemUTC()};
     * tests pass a {@link Clock#fixed fixed} clock.
     *
     * @param clock the clock
     * @return this builder
     * @throws IllegalArgumentException if {@code clock} is {@code null}
     */
    public Builder clock(Clock clock) {
      if (clock == null) {
        throw new IllegalArgumentException(
            "clock is null; pass Clock.systemUTC(), or a fixed clock in tests.");
      }
      this.clock = clock;
      return this;
    }

    /**
     * Turns on a second check for bodies that a framework parsed and wrote again before the skill
     * saw them. Off by default; leave it off when the handler can read the raw bytes, which is the
     * check to rely on.
     *
     * <p>Box signs JSON in which every character from U+007F up is written as a lower-case {@code
     * \}{@code uXXXX} escape and every {@code /} as {@code \/}. When the raw check fails and this
     * option is on, the validator writes the body that way again (each UTF-16 unit from U+007F up
     * as {@code \}{@code uXXXX}, each {@code /} not preceded by a backslash as {@code \/}) and
     * checks that form too, as the Box SDKs do. It only helps when the framework kept key order and
     * spacing; it costs a second HMAC per key on every rejected request.
     *
     * @param enabled {@code true} to also try the escaped form of the body
     * @return this builder
     */
    public Builder escapedBodyFallbackForReserializedBodies(boolean enabled) {
      this.escapedBodyFallback = enabled;
      return this;
    }

    /**
     * Builds the validator.
     *
     * @return a new immutable validator
     * @throws IllegalStateException if neither a primary nor a secondary key was set
     */
    public SignatureValidator build() {
      if (primaryKey == null && secondaryKey == null) {
        throw new IllegalStateException(
            "No signature key is configured. Set primaryKey(...) and, for key rotation,"
                + " secondaryKey(...) to the keys shown in the Box Developer Console (app >"
                + " Webhooks > Manage signature keys). To run a skill locally without signed"
                + " requests, use SignatureValidator.acceptingUnsignedRequestsForLocalTesting().");
      }
      return new SignatureValidator(this);
    }

    /**
     * Describes the settings so far without any key.
     *
     * @return the settings with keys shown as {@code ***}
     */
    @Override
    public String toString() {
      return "SignatureValidator.Builder[primaryKey="
          + (primaryKey == null ? "absent" : "***")
          + ", secondaryKey="
          + (secondaryKey == null ? "absent" : "***")
          + ", maxAge="
          + maxAge
          + ", futureSkew="
          + futureSkew
          + ", escapedBodyFallback="
          + (escapedBodyFallback ? "on" : "off")
          + "]";
    }
  }
}
