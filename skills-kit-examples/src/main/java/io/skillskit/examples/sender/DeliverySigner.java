package io.skillskit.examples.sender;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Computes Box delivery signatures: Base64 (standard alphabet, padded) of HMAC-SHA256 over the raw
 * body bytes followed by the bytes of the {@code BOX-DELIVERY-TIMESTAMP} header value, keyed with
 * the UTF-8 bytes of the signature key as shown in the developer console.
 */
public final class DeliverySigner {

  /** RFC 3339 with whole seconds and a numeric offset, as Box writes it. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx");

  private DeliverySigner() {}

  /**
   * Signs a delivery.
   *
   * @param key the signature key, used as its UTF-8 bytes
   * @param body the raw body bytes
   * @param timestamp the exact {@code BOX-DELIVERY-TIMESTAMP} header value
   * @return the Base64 signature, 44 characters
   * @throws IllegalArgumentException when the key is empty
   */
  public static String sign(String key, byte[] body, String timestamp) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(timestamp, "timestamp");
    if (key.isEmpty()) {
      throw new IllegalArgumentException("signature key is empty; expected the key text");
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(body);
      mac.update(timestamp.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
    }
  }

  /**
   * Formats a time as Box formats delivery and event timestamps, such as {@code
   * 2026-03-14T09:26:53-07:00}: whole seconds and the zone's offset ({@code +00:00} for UTC).
   *
   * @param instant the time
   * @param zone the zone whose offset to write
   * @return the RFC 3339 text
   */
  public static String timestamp(Instant instant, ZoneId zone) {
    Objects.requireNonNull(instant, "instant");
    Objects.requireNonNull(zone, "zone");
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }
}
