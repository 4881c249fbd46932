package io.skillskit.signature;

import java.nio.charset.StandardCharsets;

/**
 * Rebuilds the escaped JSON form Box signs from a body that a framework decoded and wrote again.
 *
 * <p>Box writes JSON in PHP style: every character from U+007F up as {@code \}{@code uXXXX} with
 * lower-case hex digits (characters outside the BMP as two surrogate escapes), and {@code /} as
 * {@code \/}. A framework that parses and re-serialises the body writes those characters raw, and
 * the HMAC no longer matches. This transform reverses that, as the Box Node SDK does: each UTF-16
 * unit from U+007F up becomes {@code \}{@code uXXXX}, and each {@code /} not preceded by a
 * backslash becomes {@code \/}. Nothing else changes, so key order and spacing must have survived
 * the round trip for the result to match.
 */
final class EscapedBody {

  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private EscapedBody() {}

  /** Returns the escaped form of a UTF-8 body, which is ASCII. */
  static byte[] of(byte[] body) {
    String text = new String(body, StandardCharsets.UTF_8);
    StringBuilder escaped = new StringBuilder(text.length() + 64);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= 0x7f) {
        escaped
            .append('\\')
            .append('u')
            .append(HEX_DIGITS[(c >> 12) & 0xf])
            .append(HEX_DIGITS[(c >> 8) & 0xf])
            .append(HEX_DIGITS[(c >> 4) & 0xf])
            .append(HEX_DIGITS[c & 0xf]);
      } else if (c == '/' && (i == 0 || text.charAt(i - 1) != '\\')) {
        escaped.append('\\').append('/');
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
