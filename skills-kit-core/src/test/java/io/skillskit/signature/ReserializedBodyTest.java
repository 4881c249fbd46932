package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.CLOCK;
import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.escapedEventBody;
import static io.skillskit.signature.SignatureTestData.rawUtf8EventBody;
import static io.skillskit.signature.SignatureTestData.reserializedEventBody;
import static io.skillskit.signature.SignatureTestData.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The HMAC covers the bytes as received. A parsed and re-serialised body fails unless the
 * escaped-body fallback is on and the escape transform restores the original bytes.
 */
class ReserializedBodyTest {

  private static final String PRIMARY_SIGNATURE = "NXQ32mGAzjPVRAVZ78ZpXQNod1sP8fz8jeTJvxK5X44=";
  private static final String SECONDARY_SIGNATURE = "ftjAJOxgN9AAAPlzGThdU8odSqFQEr+86+mKu8UT4Sw=";

  private static Map<String, String> headers() {
    return boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, SECONDARY_SIGNATURE);
  }

  private static SignatureValidator withFallback() {
    return SignatureValidator.builder()
        .primaryKey(PRIMARY_KEY)
        .secondaryKey(SECONDARY_KEY)
        .clock(CLOCK)
        .escapedBodyFallbackForReserializedBodies(true)
        .build();
  }

  @Test
  void rawEscapedBytesVerify() {
    assertThat(SignatureGenerator.sign(PRIMARY_KEY, escapedEventBody(), FRESH_TIMESTAMP))
        .isEqualTo(PRIMARY_SIGNATURE);
    assertThat(bothKeys().isValid(escapedEventBody(), headers())).isTrue();
  }

  @Test
  void reserializedBytesFailWithoutException() {
    assertThat(SignatureGenerator.sign(PRIMARY_KEY, reserializedEventBody(), FRESH_TIMESTAMP))
        .isEqualTo("cA9C9pTEupkkoXX00f+8PgQe034pXrZsiiiO4CMRMv8=");
    assertThat(bothKeys().isValid(reserializedEventBody(), headers())).isFalse();
    assertThatThrownBy(() -> bothKeys().verify(reserializedEventBody(), headers()))
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void reserializedBytesVerifyWithFallback() {
    try (LogCapture log = new LogCapture()) {
      assertThat(withFallback().isValid(reserializedEventBody(), headers())).isTrue();

      assertThat(log.lines())
          .containsExactly("DEBUG Signature verified with the primary key over the escaped body");
    }
  }

  @Test
  void fallbackRecoversSecondaryToo() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, null, SECONDARY_SIGNATURE);

    assertThat(withFallback().isValid(reserializedEventBody(), headers)).isTrue();
  }

  @Test
  void fallbackCannotRecoverChangedSpacingOrOrder() {
    String pretty =
        new String(reserializedEventBody(), StandardCharsets.UTF_8).replace(",\"", ", \"");

    assertThat(withFallback().isValid(utf8(pretty), headers())).isFalse();
  }

  @Test
  void rawUtf8BodyVerifiesAsReceived() {
    byte[] body = rawUtf8EventBody();
    String primary = SignatureGenerator.sign(PRIMARY_KEY, body, FRESH_TIMESTAMP);

    assertThat(body).hasSize(136);
    assertThat(bothKeys().isValid(body, boxHeaders(FRESH_TIMESTAMP, primary, null))).isTrue();
    assertThat(withFallback().isValid(body, boxHeaders(FRESH_TIMESTAMP, primary, null))).isTrue();
  }

  @Test
  void bodyDecodedAsLatin1AndReencodedFails() {
    byte[] body = rawUtf8EventBody();
    String primary = SignatureGenerator.sign(PRIMARY_KEY, body, FRESH_TIMESTAMP);
    byte[] mangled = new String(body, StandardCharsets.ISO_8859_1).getBytes(StandardCharsets.UTF_8);

    assertThat(withFallback().isValid(mangled, boxHeaders(FRESH_TIMESTAMP, primary, null)))
        .isFalse();
  }

  @Test
  void escapeTransformRules() {
    assertThat(escape("a/b")).isEqualTo("a\\/b");
    assertThat(escape("a\\/b")).isEqualTo("a\\/b");
    assertThat(escape("/")).isEqualTo("\\/");
    assertThat(escape("\u007f")).isEqualTo("\\u007f");
    assertThat(escape("\u007e")).isEqualTo("\u007e");
    assertThat(escape("caf\u00e9")).isEqualTo("caf\\u00e9");
    assertThat(escape("\u2013\u00c9")).isEqualTo("\\u2013\\u00c9");
    assertThat(escape("\uD83D\uDE00")).isEqualTo("\\ud83d\\ude00");
    assertThat(escape("a\\b\n\t\"")).isEqualTo("a\\b\n\t\"");
    assertThat(escape("")).isEmpty();
  }

  @Test
  void invalidUtf8BodyDoesNotThrowWithFallback() {
    byte[] invalid = {'{', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}'};

    assertThat(withFallback().isValid(invalid, headers())).isFalse();
  }

  private static String escape(String text) {
    return new String(EscapedBody.of(utf8(text)), StandardCharsets.US_ASCII);
  }
}
