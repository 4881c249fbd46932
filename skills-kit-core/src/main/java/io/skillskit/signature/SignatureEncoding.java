package io.skillskit.signature;

import java.util.Arrays;

/**
 * Strict decoder for received signature values.
 *
 * <p>A valid value is the standard Base64 form (RFC 4648 section 4, alphabet {@code A-Z a-z 0-9 +
 * /}) with padding of a 32-byte HMAC-SHA256 value: exactly 44 characters, the last one {@code =},
 * and no unused bits set in the 43rd. {@link java.util.Base64.Decoder} would also accept a value
 * without padding and ignore unused bits, so a value is checked here first.
 */
final class SignatureEncoding {

  /** Length of the Base64 form of 32 bytes: 11 groups of four characters. */
  static final int ENCODED_LENGTH = 44;

  private static final int[] SEXTETS = new int[128];

  static {
    Arrays.fill(SEXTETS, -1);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      SEXTETS[alphabet.charAt(i)] = i;
    }
  }

  private SignatureEncoding() {}

  /**
   * Decodes a received signature.
   *
   * @return the 32 bytes, or {@code null} when {@code value} is not in the strict form
   */
  static byte[] decode(String value) {
    if (value.length() != ENCODED_LENGTH || value.charAt(ENCODED_LENGTH - 1) != '=') {
      return null;
    }
    byte[] out = new byte[SigningKey.MAC_LENGTH];
    int written = 0;
    // Ten full groups of four characters give 30 bytes.
    for (int i = 0; i < 40; i += 4) {
      int bits =
          sextet(value.charAt(i)) << 18
              | sextet(value.charAt(i + 1)) << 12
              | sextet(value.charAt(i + 2)) << 6
              | sextet(value.charAt(i + 3));
      if (bits < 0) {
        return null;
      }
      out[written++] = (byte) (bits >> 16);
      out[written++] = (byte) (bits >> 8);
      out[written++] = (byte) bits;
    }
    // The last group has three characters and '=', which carry 18 bits for 2 bytes. The 2 spare
    // bits must be zero in the canonical form.
    int bits =
        sextet(value.charAt(40)) << 12 | sextet(value.charAt(41)) << 6 | sextet(value.charAt(42));
    if (bits < 0 || (bits & 0b11) != 0) {
      return null;
    }
    out[written++] = (byte) (bits >> 10);
    out[written] = (byte) (bits >> 2);
    return out;
  }

  /** Returns the 6-bit value of a Base64 character, or a negative number for any other char. */
  private static int sextet(char c) {
    // Shifted left, -1 stays negative, so one check per group finds any invalid character.
    return c < 128 ? SEXTETS[c] : -1;
  }
}
