package io.skillskit.signature;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One signature key and the HMAC-SHA256 computation with it.
 *
 * <p>The HMAC key is the UTF-8 encoding of the key string exactly as the Box Developer Console
 * shows it; it is not Base64-decoded. {@link Mac} instances are not thread-safe, so each thread
 * gets its own, created once and reused: {@link Mac#doFinal(byte[], int)} resets it for the next
 * message.
 */
final class SigningKey {

  static final String MAC_ALGORITHM = "HmacSHA256";
  static final int MAC_LENGTH = 32;

  private final String secret;
  private final SecretKeySpec spec;
  private final ThreadLocal<Mac> macs;

  private SigningKey(String secret) {
    this.secret = secret;
    this.spec = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), MAC_ALGORITHM);
    this.macs = ThreadLocal.withInitial(this::newMac);
    // Fails here, at configuration time, if the runtime lacks HmacSHA256.
    macs.get();
  }

  /**
   * Checks a key string and wraps it.
   *
   * @param secret the key as shown in the Developer Console
   * @param name the builder or parameter name used in error messages, such as {@code primaryKey}
   * @throws IllegalArgumentException if the key is null, empty, blank or has surrounding
   *     whitespace; the message never contains the key
   */
  static SigningKey of(String secret, String name) {
    String fix =
        " Pass the key exactly as the Box Developer Console shows it"
            + " (app > Webhooks > Manage signature keys).";
    if (secret == null) {
      throw new IllegalArgumentException(name + " is null." + fix);
    }
    if (secret.isEmpty()) {
      throw new IllegalArgumentException(name + " is empty." + fix);
    }
    if (secret.isBlank()) {
      throw new IllegalArgumentException(name + " is blank." + fix);
    }
    if (secret.strip().length() != secret.length()) {
      // A trailing newline from a secrets file is the usual cause; Box keys never contain
      // whitespace, and hashing it would make every delivery fail with a mismatch.
      throw new IllegalArgumentException(
          name
              + " has leading or trailing whitespace (for example a newline from a secrets file)."
              + fix);
    }
    return new SigningKey(secret);
  }

  /**
   * Computes HMAC-SHA256 over {@code body} followed by {@code timestamp}.
   *
   * @return a new 32-byte array
   */
  byte[] hmac(byte[] body, byte[] timestamp) {
    Mac mac = macs.get();
    mac.update(body);
    mac.update(timestamp);
    return mac.doFinal();
  }

  /** Replaces every occurrence of this key in {@code text} with {@code ***}. */
  String redact(String text) {
    return text.replace(secret, "***");
  }

  private Mac newMac() {
    try {
      Mac mac = Mac.getInstance(MAC_ALGORITHM);
      mac.init(spec);
      return mac;
    } catch (GeneralSecurityException e) {
      // Every Java SE runtime must provide HmacSHA256, so this means a broken JCA setup.
      throw new IllegalStateException(
          "This Java runtime cannot compute " + MAC_ALGORITHM + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "***";
  }
}
