package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.FRESH_TIMESTAMP;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.videoEventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Unsigned, wrongly signed and oddly labelled requests are rejected; unsigned mode is explicit. */
class FailClosedTest {

  private static final String PRIMARY_SIGNATURE = "QVkG3b+p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs=";
  private static final String SECONDARY_SIGNATURE = "/TD3UUFFFTpHnhGcnR/oZ1jy2N8tXu7iddPJirfaiAk=";

  private static Map<String, String> validHeaders() {
    return boxHeaders(FRESH_TIMESTAMP, PRIMARY_SIGNATURE, SECONDARY_SIGNATURE);
  }

  private static Reason reasonFor(Map<String, String> headers) {
    try {
      bothKeys().verify(videoEventBody(), headers);
      return null;
    } catch (SignatureVerificationException e) {
      return e.reason();
    }
  }

  @Test
  void requestWithoutAnySignatureHeaderIsRejected() {
    Map<String, String> headers = new HashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("BOX-DELIVERY-ID", "d-0001");

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "The request has none of the Box signature headers (box-delivery-timestamp,"
                + " box-signature-version, box-signature-algorithm, box-signature-primary,"
                + " box-signature-secondary). Box adds them once signature keys exist for the app"
                + " in the Box Developer Console; check that they do and that no proxy removes"
                + " box-* headers.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
    assertThat(bothKeys().isValid(videoEventBody(), Map.of())).isFalse();
  }

  @Test
  void signatureHeadersRemovedButOthersKeptIsRejected() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, null, null);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .hasMessage(
            "box-signature-primary is missing. box-signature-secondary is missing. Check that the"
                + " configured keys are the app's current signature keys in the Box Developer"
                + " Console and that no proxy removes box-* headers.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_HEADER);
  }

  @Test
  void eachRequiredHeaderMissingIsRejected() {
    for (String name :
        List.of("BOX-DELIVERY-TIMESTAMP", "BOX-SIGNATURE-VERSION", "BOX-SIGNATURE-ALGORITHM")) {
      Map<String, String> headers = validHeaders();
      headers.remove(name);

      assertThat(reasonFor(headers)).as(name).isEqualTo(Reason.MISSING_HEADER);
    }
  }

  @Test
  void bothSignaturesWrongIsRejected() {
    Map<String, String> headers =
        boxHeaders(
            FRESH_TIMESTAMP, SECONDARY_SIGNATURE, "W/N4xIzOWYZ5fAAlAModnSK1NIk1AtyUHw28Qwkdae4=");

    assertThat(reasonFor(headers)).isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0", "1.0", "01", "v1", "one", "1,1", "1, 2", "\u0661", "-1"})
  void otherVersionsAreRejected(String version) {
    Map<String, String> headers = validHeaders();
    headers.put("BOX-SIGNATURE-VERSION", version);

    assertThat(reasonFor(headers)).isEqualTo(Reason.UNSUPPORTED_VERSION);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "HmacSHA1",
        "HmacSHA512",
        "hmacsha256",
        "HMACSHA256",
        "HMAC-SHA256",
        "sha256",
        "HmacSHA256 ",
        "HmacSHA256;",
        "none"
      })
  void otherAlgorithmsAreRejected(String algorithm) {
    Map<String, String> headers = validHeaders();
    headers.put("BOX-SIGNATURE-ALGORITHM", algorithm.replace(" ", "\u00a0"));

    assertThat(reasonFor(headers)).isEqualTo(Reason.UNSUPPORTED_ALGORITHM);
  }

  @Test
  void nullBodyIsRejected() {
    assertThatThrownBy(() -> bothKeys().verify(null, validHeaders()))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "The request body is null. Pass the raw body bytes exactly as received; an empty body"
                + " is new byte[0].")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MISSING_BODY);
    assertThat(bothKeys().isValid(null, validHeaders())).isFalse();
    assertThat(bothKeys().isValid(null, null)).isFalse();
  }

  @Test
  void unsignedModeWarnsOnEveryCall() {
    SignatureValidator unsigned = SignatureValidator.acceptingUnsignedRequestsForLocalTesting();

    try (LogCapture log = new LogCapture()) {
      unsigned.verify(videoEventBody(), Map.of());
      unsigned.verifyMultiValued(null, null);
      boolean valid = unsigned.isValid(videoEventBody(), null);
      boolean validMulti = unsigned.isValidMultiValued(videoEventBody(), Map.of());

      assertThat(valid).isTrue();
      assertThat(validMulti).isTrue();
      assertThat(log.lines())
          .hasSize(4)
          .allSatisfy(
              line ->
                  assertThat(line)
                      .isEqualTo(
                          "WARN Accepting a request WITHOUT verifying its signature: this"
                              + " validator comes from acceptingUnsignedRequestsForLocalTesting()"
                              + " and must never receive real traffic."));
    }
    assertThat(unsigned.checksSignatures()).isFalse();
    assertThat(unsigned)
        .hasToString(
            "SignatureValidator[UNSIGNED: accepts every request without checking; local testing"
                + " only]");
  }

  @Test
  void configuredValidatorChecksSignatures() {
    assertThat(bothKeys().checksSignatures()).isTrue();
  }

  @Test
  void successLogsWhichKeyMatchedAndNothingSecret() {
    Map<String, String> secondaryOnlyHeaders =
        boxHeaders(FRESH_TIMESTAMP, null, SECONDARY_SIGNATURE);

    try (LogCapture log = new LogCapture()) {
      bothKeys().verify(videoEventBody(), validHeaders());
      bothKeys().verify(videoEventBody(), secondaryOnlyHeaders);

      assertThat(log.lines())
          .containsExactly(
              "DEBUG Signature verified with the primary key",
              "DEBUG Signature verified with the secondary key");
    }
  }

  @Test
  void onlyIsValidLogsRejections() {
    Map<String, String> headers = boxHeaders(FRESH_TIMESTAMP, SECONDARY_SIGNATURE, null);

    try (LogCapture log = new LogCapture()) {
      assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
          .isInstanceOf(SignatureVerificationException.class);
      assertThat(log.lines()).isEmpty();

      bothKeys().isValid(videoEventBody(), headers);

      assertThat(log.lines()).hasSize(1);
      assertThat(log.lines().get(0))
          .startsWith("DEBUG Signature rejected (SIGNATURE_MISMATCH): box-signature-primary")
          .doesNotContain(SECONDARY_SIGNATURE)
          .doesNotContain(PRIMARY_KEY)
          .doesNotContain(SECONDARY_KEY)
          .doesNotContain("evt_1003");
    }
  }

  @Test
  void messagesNeverEchoAKeyFromAHeader() {
    Map<String, String> headers = validHeaders();
    headers.put("BOX-SIGNATURE-VERSION", "key=" + PRIMARY_KEY);
    Map<String, String> timestampHeaders = validHeaders();
    timestampHeaders.put("BOX-DELIVERY-TIMESTAMP", SECONDARY_KEY + PRIMARY_KEY);

    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), headers))
        .hasMessageStartingWith("box-signature-version \"key=***\" is not supported");
    assertThatThrownBy(() -> bothKeys().verify(videoEventBody(), timestampHeaders))
        .hasMessageStartingWith("box-delivery-timestamp \"******\" is not an RFC 3339");
  }

  @Test
  void exceptionRejectsNullReason() {
    assertThatThrownBy(() -> new SignatureVerificationException(null, "x"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SignatureVerificationException(Reason.EXPIRED, "old").reason())
        .isEqualTo(Reason.EXPIRED);
  }
}
