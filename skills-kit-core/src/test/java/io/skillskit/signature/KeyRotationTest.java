package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.CLOCK;
import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.RETIRED_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.primaryOnly;
import static io.skillskit.signature.SignatureTestData.videoEventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Either configured key may match; a header is only checked against its own configured key. */
class KeyRotationTest {

  private static final String PRIMARY_SIGNATURE = "QVkG3b+p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs=";
  private static final String SECONDARY_SIGNATURE = "/TD3UUFFFTpHnhGcnR/oZ1jy2N8tXu7iddPJirfaiAk=";
  private static final String RETIRED_SIGNATURE = "W/N4xIzOWYZ5fAAlAModnSK1NIk1AtyUHw28Qwkdae4=";

  private static SignatureValidator secondaryOnly() {
    return SignatureValidator.builder().secondaryKey(SECONDARY_KEY).clock(CLOCK).build();
  }

  @Test
  void fieldSignaturesAreReproduced() {
    byte[] body = videoEventBody();

    assertThat(SignatureGenerator.sign(PRIMARY_KEY, body, FRESH_TIMESTAMP))
        .isEqualTo(PRIMARY_SIGNATURE);
    assertThat(SignatureGenerator.sign(SECONDARY_KEY, body, FRESH_TIMESTAMP))
        .isEqualTo(SECONDARY_SIGNATURE);
    assertThat(SignatureGenerator.sign(RETIRED_KEY, body, FRESH_TIMESTAMP))
        .isEqualTo(RETIRED_SIGNATURE);
  }

  @Test
  void acceptsSecondaryWhilePrimaryIsFromRetiredKey() {
    Map<String, String> headers =
        boxHeaders(FRESH_TIMESTAMP, RETIRED_SIGNATURE, SECONDARY_SIGNATURE);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void acceptsOnlySecondaryHeader() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, null, SECONDARY_SIGNATURE);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void acceptsOnlyPrimaryHeader() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, null);

    assertThat(bothKeys().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void primaryOnlyIgnoresAnySecondaryHeader() {
    for (String secondary : new String[] {SECONDARY_SIGNATURE, "garbage", "", RETIRED_SIGNATURE}) {
      Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, secondary);

      assertThat(primaryOnly().isValid(videoEventBody(), headers)).as(secondary).isTrue();
    }
  }

  @Test
  void primaryOnlyIgnoresValidSecondarySignature() {
    Map<String, String> headers =
        boxHeaders(FRESH_TIMESTAMP, RETIRED_SIGNATURE, SECONDARY_SIGNATURE);

    assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-primary does not match the primary key. box-signature-secondary was"
                + " not checked because no secondary key is configured. Check that the configured"
                + " keys are the app's current signature keys and that the body is passed exactly"
                + " as received, not parsed and written again.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void primaryOnlyRejectsRequestWithOnlySecondaryHeader() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, null, SECONDARY_SIGNATURE);

    assertThatThrownBy(() -> primaryOnly().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-primary is missing. box-signature-secondary was not checked because no"
                + " secondary key is configured. Check that the configured keys are the app's"
                + " current signature keys in the Box Developer Console and that no proxy removes"
                + " box-* headers.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void secondaryOnlyAcceptsSecondaryAndIgnoresPrimary() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, "garbage", SECONDARY_SIGNATURE);

    assertThat(secondaryOnly().isValid(videoEventBody(), headers)).isTrue();
  }

  @Test
  void secondaryOnlyRejectsValidPrimarySignature() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, RETIRED_SIGNATURE);

    assertThat(secondaryOnly().isValid(videoEventBody(), headers)).isFalse();
  }

  @Test
  void neverComparesDigestWithOtherKeysHeader() {
    Map<String, String> swappedHeaders =
        boxHeaders(FRESH_TIMESTAMP, SECONDARY_SIGNATURE, PRIMARY_SIGNATURE);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), swappedHeaders))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void sameKeyInBothSlotsWorks() {
    SignatureValidator validator =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .secondaryKey(PRIMARY_KEY)
            .clock(CLOCK)
            .build();

    assertThat(
            validator.isValid(
                videoEventBody(), boxHeaders(FRESH_TIMESTAMP, null, PRIMARY_SIGNATURE)))
        .isTrue();
  }

  @Test
  void keysAreUsedAsUtf8Bytes() {
    String base64LookingKey = "c2VjcmV0";
    String nonAsciiKey = "Schl\u00fcssel-\u00e9t\u00e9-\uD83D\uDD11";
    for (String key : new String[] {base64LookingKey, nonAsciiKey}) {
      String expected = hmacBase64(key, videoEventBody(), FRESH_TIMESTAMP);
      SignatureValidator validator =
          SignatureValidator.builder().primaryKey(key).clock(CLOCK).build();

      assertThat(SignatureGenerator.sign(key, videoEventBody(), FRESH_TIMESTAMP))
          .isEqualTo(expected);
      assertThat(validator.isValid(videoEventBody(), boxHeaders(FRESH_TIMESTAMP, expected, null)))
          .isTrue();
    }
  }

  private static String hmacBase64(String key, byte[] body, String timestamp) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              key.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(body);
      mac.update(timestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      return java.util.Base64.getEncoder().encodeToString(mac.doFinal());
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
