package io.skillskit.examples.sender;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Recomputes a Box delivery signature independently of the code under test. */
final class Hmac {

  private Hmac() {}

  static String signature(String key, byte[] body, String timestamp) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    byte[] timestampBytes = timestamp.getBytes(StandardCharsets.UTF_8);
    byte[] message = new byte[body.length + timestampBytes.length];
    System.arraycopy(body, 0, message, 0, body.length);
    System.arraycopy(timestampBytes, 0, message, body.length, timestampBytes.length);
    return Base64.getEncoder().encodeToString(mac.doFinal(message));
  }
}
