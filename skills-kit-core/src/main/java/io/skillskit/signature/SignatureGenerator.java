package io.skillskit.signature;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Signs requests the way Box does, for tests, emulators and local senders of skill invocations. A
 * skill itself never needs it; it verifies with {@link SignatureValidator}.
 *
 * <pre>{@code
 * SignatureGenerator generator = SignatureGenerator.of(primaryKey, secondaryKey);
 * Map<String, String> headers =
 *     generator.headers(body, OffsetDateTime.parse("2024-05-01T10:00:00-07:00"));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe. {@link #toString()} shows no key.
 */
public final class SignatureGenerator {

  private static final DateTimeFormatter BOX_TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private final SigningKey primaryKey;
  private final SigningKey secondaryKey;

  private SignatureGenerator(SigningKey primaryKey, SigningKey secondaryKey) {
    this.primaryKey = primaryKey;
    this.secondaryKey = secondaryKey;
  }

  /**
   * Returns a generator that signs with a primary key only, so its headers carry no {@code
   * box-signature-secondary}.
   *
   * @param primaryKey the primary key, used as UTF-8 bytes
   * @return a new generator
   * @throws IllegalArgumentException if the key is {@code null}, empty, blank or has surrounding
   *     whitespace
   */
  public static SignatureGenerator of(String primaryKey) {
    return new SignatureGenerator(SigningKey.of(primaryKey, "primaryKey"), null);
  }

  /**
   * Returns a generator that signs with a primary and a secondary key, as Box does once both keys
   * exist.
   *
   * @param primaryKey the primary key, used as UTF-8 bytes
   * @param secondaryKey the secondary key, used as UTF-8 bytes
   * @return a new generator
   * @throws IllegalArgumentException if a key is {@code null}, empty, blank or has surrounding
   *     whitespace
   */
  public static SignatureGenerator of(String primaryKey, String secondaryKey) {
    return new SignatureGenerator(
        SigningKey.of(primaryKey, "primaryKey"), SigningKey.of(secondaryKey, "secondaryKey"));
  }

  /**
   * Computes one signature: the standard Base64 form, with padding, of HMAC-SHA256 over {@code
   * body} followed by the UTF-8 bytes of {@code timestamp}, keyed with the UTF-8 bytes of {@code
   * key}. The timestamp is signed verbatim and not checked, so tests can sign malformed ones.
   *
   * @param key the signature key
   * @param body the request body bytes
   * @param timestamp the {@code box-delivery-timestamp} value
   * @return the 44-character signature
   * @throws IllegalArgumentException if the key is invalid as for {@link #of(String)}, or {@code
   *     body} or {@code timestamp} is {@code null}
   */
  public static String sign(String key, byte[] body, String timestamp) {
    return sign(SigningKey.of(key, "key"), body, timestamp);
  }

  /**
   * Returns the signature headers Box would send for a body sent at a given time: {@code
   * box-delivery-timestamp} (formatted like {@code 2024-05-01T10:00:00-07:00}, to the second),
   * {@code box-signature-version}, {@code box-signature-algorithm}, {@code box-signature-primary}
   * and, when a secondary key is set, {@code box-signature-secondary}. {@code box-delivery-id} is
   * left to the caller.
   *
   * @param body the request body bytes
   * @param sentAt the delivery time; its offset is kept and fractions of a second are dropped
   * @return an unmodifiable map with lower-case header names, in the order above
   * @throws IllegalArgumentException if an argument is {@code null}
   */
  public Map<String, String> headers(byte[] body, OffsetDateTime sentAt) {
    if (sentAt == null) {
      throw new IllegalArgumentException("sentAt is null; pass the delivery time.");
    }
    return headers(body, BOX_TIMESTAMP.format(sentAt));
  }

  /**
   * Returns the signature headers for a body and a {@code box-delivery-timestamp} value taken
   * verbatim, so tests can also sign malformed timestamps.
   *
   * @param body the request body bytes
   * @param timestamp the {@code box-delivery-timestamp} value
   * @return an unmodifiable map with lower-case header names, in the order of {@link
   *     #headers(byte[], OffsetDateTime)}
   * @throws IllegalArgumentException if an argument is {@code null}
   */
  public Map<String, String> headers(byte[] body, String timestamp) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SignatureHeaders.DELIVERY_TIMESTAMP, timestamp);
    headers.put(SignatureHeaders.SIGNATURE_VERSION, SignatureHeaders.SUPPORTED_VERSION);
    headers.put(SignatureHeaders.SIGNATURE_ALGORITHM, SignatureHeaders.SUPPORTED_ALGORITHM);
    headers.put(SignatureHeaders.SIGNATURE_PRIMARY, sign(primaryKey, body, timestamp));
    if (secondaryKey != null) {
      headers.put(SignatureHeaders.SIGNATURE_SECONDARY, sign(secondaryKey, body, timestamp));
    }
    return Collections.unmodifiableMap(headers);
  }

  /**
   * Describes the generator without any key.
   *
   * @return for example {@code SignatureGenerator[primaryKey=***, secondaryKey=absent]}
   */
  @Override
  public String toString() {
    return "SignatureGenerator[primaryKey=***, secondaryKey="
        + (secondaryKey == null ? "absent" : "***")
        + "]";
  }

  private static String sign(SigningKey key, byte[] body, String timestamp) {
    if (body == null) {
      throw new IllegalArgumentException("body is null; pass the request body bytes.");
    }
    if (timestamp == null) {
      throw new IllegalArgumentException(
          "timestamp is null; pass the box-delivery-timestamp value to sign.");
    }
    byte[] hmac = key.hmac(body, timestamp.getBytes(StandardCharsets.UTF_8));
    return Base64.getEncoder().encodeToString(hmac);
  }
}
