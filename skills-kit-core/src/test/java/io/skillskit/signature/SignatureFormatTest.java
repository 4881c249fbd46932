package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.primaryOnly;
import static io.skillskit.signature.SignatureTestData.videoEventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Received signature values must be the padded standard Base64 form of 32 bytes. */
class SignatureFormatTest {

  private static final String VALID = "QVkG3b+p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs=";
  private static final String SECONDARY_VALID = "/TD3UUFFFTpHnhGcnR/oZ1jy2N8tXu7iddPJirfaiAk=";

  static Stream<Arguments> malformedSignatures() {
    byte[] valid = Base64.getDecoder().decode(VALID);
    byte[] shortHmac = java.util.Arrays.copyOf(valid, 31);
    byte[] longHmac = java.util.Arrays.copyOf(valid, 33);
    return Stream.of(
        Arguments.of("truncated by one", VALID.substring(0, 43)),
        Arguments.of("truncated by half", VALID.substring(0, 22)),
        Arguments.of("padding removed", VALID.replace("=", "")),
        Arguments.of("extra padding", VALID + "="),
        Arguments.of("extra padding group", VALID + "===="),
        Arguments.of("URL-safe alphabet", "QVkG3b-p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs="),
        Arguments.of("URL-safe underscore", "_TD3UUFFFTpHnhGcnR_oZ1jy2N8tXu7iddPJirfaiAk="),
        Arguments.of(
            "URL-safe without padding",
            Base64.getUrlEncoder().withoutPadding().encodeToString(valid)),
        Arguments.of("31-byte value", Base64.getEncoder().encodeToString(shortHmac)),
        Arguments.of("33-byte value", Base64.getEncoder().encodeToString(longHmac)),
        Arguments.of("64-byte value", Base64.getEncoder().encodeToString(new byte[64])),
        Arguments.of("hex instead of Base64", "41590" + "6dd".repeat(13)),
        Arguments.of("space inside", VALID.substring(0, 20) + " " + VALID.substring(21)),
        Arguments.of("non-ASCII letter", "\u00c4" + VALID.substring(1)),
        Arguments.of("padding in the middle", VALID.substring(0, 20) + "=" + VALID.substring(21)),
        Arguments.of("unused bits set", VALID.substring(0, 42) + "t="),
        Arguments.of("MIME line break", VALID.substring(0, 22) + "\r\n" + VALID.substring(22)),
        Arguments.of("sha256= prefix", "sha256=" + VALID),
        Arguments.of("v1, prefix", "v1," + VALID));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSignatures")
  void rejectsMalformedPrimaryAsMalformed(String kind, String signature) {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, signature, null);

    assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .satisfies(
            e -> {
              SignatureVerificationException rejection = (SignatureVerificationException) e;
              assertThat(rejection.reason()).isEqualTo(Reason.MALFORMED_SIGNATURE);
              assertThat(rejection.getMessage()).startsWith("box-signature-primary ");
              assertThat(rejection.getMessage()).doesNotContain(VALID.substring(0, 12));
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedSignatures")
  void malformedPrimaryDoesNotHideValidSecondary(String kind, String signature) {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, signature, SECONDARY_VALID);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void pinsMessageOfTruncatedSignature() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, VALID.substring(0, 43), null);

    assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
        .hasMessage(
            "box-signature-primary has 43 characters; an HMAC-SHA256 signature is 44 characters"
                + " of standard Base64 ending in '='. Check that no proxy or framework changes the"
                + " signature headers.");
  }

  @Test
  void pinsMessageOfUrlSafeSignature() {
    Map<String, String> headers =
        boxHeaders(FRESH_TIMESTAMP, "QVkG3b-p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs=", null);

    assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
        .hasMessage(
            "box-signature-primary uses the URL-safe Base64 alphabet ('-', '_'); Box sends"
                + " standard Base64 ('+', '/'). Check that no proxy or framework changes the"
                + " signature headers.");
  }

  @Test
  void malformedOneAndWrongOtherIsMalformed() {
    String wrongButWellFormed = Base64.getEncoder().encodeToString(new byte[32]);
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, "abc", wrongButWellFormed);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .hasMessage(
            "box-signature-primary has 3 characters; an HMAC-SHA256 signature is 44 characters"
                + " of standard Base64 ending in '='. box-signature-secondary does not match the"
                + " secondary key. Check that no proxy or framework changes the signature"
                + " headers.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MALFORMED_SIGNATURE);
  }

  @Test
  void wellFormedButWrongIsMismatch() {
    for (String wrong :
        new String[] {
          Base64.getEncoder().encodeToString(new byte[32]),
          VALID.toLowerCase(java.util.Locale.ROOT),
          VALID.substring(0, 42) + "w=",
          SignatureGenerator.sign(PRIMARY_KEY, videoEventBody(), "2024-05-01T10:00:01-07:00")
        }) {
      Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, wrong, null);

      assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
          .as(wrong)
          .extracting(e -> ((SignatureVerificationException) e).reason())
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void decoderReturnsTheExactBytes() {
    for (int seed = 0; seed < 200; seed++) {
      byte[] bytes = new byte[32];
      new java.util.Random(seed).nextBytes(bytes);

      assertThat(SignatureEncoding.decode(Base64.getEncoder().encodeToString(bytes)))
          .isEqualTo(bytes);
    }
  }

  @Test
  void emptyBodyIsSignedOverTimestampAlone() {
    byte[] empty = new byte[0];
    String signature = SignatureGenerator.sign(PRIMARY_KEY, empty, FRESH_TIMESTAMP);

    assertThat(primaryOnly().isValid(empty, boxHeaders(FRESH_TIMESTAMP, signature, null))).isTrue();
    assertThat(
            primaryOnly().isValid(videoEventBody(), boxHeaders(FRESH_TIMESTAMP, signature, null)))
        .isFalse();
  }

  @Test
  void largeBodyVerifies() {
    byte[] large = new byte[5 * 1024 * 1024];
    new java.util.Random(7).nextBytes(large);
    String signature = SignatureGenerator.sign(PRIMARY_KEY, large, FRESH_TIMESTAMP);

    assertThat(primaryOnly().isValid(large, boxHeaders(FRESH_TIMESTAMP, signature, null))).isTrue();
  }
}
