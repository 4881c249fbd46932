package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.CLOCK;
import static io.skillskit.signature.SignatureTestData.NOW;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.audioEventBody;
import static io.skillskit.signature.SignatureTestData.boxHeaders;
import static io.skillskit.signature.SignatureTestData.primaryOnly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Freshness and format of {@code box-delivery-timestamp}. The clock reads 17:05:00Z. */
class DeliveryTimestampTest {

  /** Signs {@code timestamp} verbatim with the primary key, so only the timestamp decides. */
  private static Map<String, String> signedWith(String timestamp) {
    String signature = SignatureGenerator.sign(PRIMARY_KEY, audioEventBody(), timestamp);
    return boxHeaders(timestamp, signature, null);
  }

  private static Reason reasonFor(SignatureValidator validator, Map<String, String> headers) {
    try {
      validator.verify(audioEventBody(), headers);
      return null;
    } catch (SignatureVerificationException e) {
      return e.reason();
    }
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource({
    "2024-05-01T10:00:00-07:00, wRaGS6kjb7U0DntyTdTvMR/zAlzVJt8putKoOdMcKv8=, true",
    "2024-05-01T09:50:00-07:00, 85DOPYwV2xXGaaYcTCDlHZ1CvBJnf9wX5AkjyyiVXMY=, false",
    "2024-05-01T10:05:30-07:00, DrSpUiYaJn54k0r8oB0KR1h+tkSaMiVDQoF4ingCgmo=, true",
    "2024-05-01T10:30:00-07:00, wnfTI8TIKpEB8L6iZh70b6WZTmqHuefBXWJlkE/W22Y=, false",
    "2024-05-01T17:00:00Z, oSp4XJX3rpC6RbSynMzz7jaI1AQzDiyF+hOIhad/To0=, true",
    "2024-05-01T17:00:00.123Z, 3AR2quc6u+AMWfZXUMPZtAf272o991PpBM4bLTuH4Fk=, true",
    "yesterday, yuXX2lfRJZU/ODz0oWm2HF9sol7b2PksdM122RgcJuQ=, false"
  })
  void fieldTableOfTimestamps(String timestamp, String signature, boolean valid) {
    Map<String, String> headers = boxHeaders(timestamp, signature, null);

    assertThat(SignatureGenerator.sign(PRIMARY_KEY, audioEventBody(), timestamp))
        .isEqualTo(signature);
    assertThat(primaryOnly().isValid(audioEventBody(), headers)).isEqualTo(valid);
  }

  @Test
  void missingTimestampIsMissingHeader() {
    Map<String, String> headers = signedWith("2024-05-01T10:00:00-07:00");
    headers.remove("BOX-DELIVERY-TIMESTAMP");

    assertThatThrownBy(() -> primaryOnly().verify(audioEventBody(), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-delivery-timestamp is missing. Check that the configured keys are the app's"
                + " current signature keys in the Box Developer Console and that no proxy removes"
                + " box-* headers.");
  }

  @Test
  void staleTimestampMessage() {
    assertThatThrownBy(
            () -> primaryOnly().verify(audioEventBody(), signedWith("2024-05-01T09:50:00-07:00")))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-delivery-timestamp 2024-05-01T09:50:00-07:00 is 900 s old; the limit is 600 s."
                + " Check the server clock or raise maxAge.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.EXPIRED);
  }

  @Test
  void futureTimestampMessage() {
    assertThatThrownBy(
            () -> primaryOnly().verify(audioEventBody(), signedWith("2024-05-01T10:30:00-07:00")))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-delivery-timestamp 2024-05-01T10:30:00-07:00 is 1500 s in the future; at most"
                + " 60 s is allowed. Check the server clock or raise futureSkew.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.FROM_FUTURE);
  }

  @Test
  void malformedTimestampMessage() {
    assertThatThrownBy(() -> primaryOnly().verify(audioEventBody(), signedWith("yesterday")))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-delivery-timestamp \"yesterday\" is not an RFC 3339 date-time with seconds and"
                + " an offset, such as 2024-05-01T10:00:00-07:00 or 2024-05-01T17:00:00Z. Check"
                + " that the header reaches the skill unchanged.")
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.MALFORMED_TIMESTAMP);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T17:00:00Z",
        "2024-05-01T17:00:00+00:00",
        "2024-05-01T17:00:00-00:00",
        "2024-05-01T10:00:00-07:00",
        "2024-05-01T22:30:00+05:30",
        "2024-05-02T02:00:00+09:00",
        "2024-05-01T17:00:00.1Z",
        "2024-05-01T17:00:00.12Z",
        "2024-05-01T17:00:00.123456Z",
        "2024-05-01T17:00:00.123456789Z",
        "2024-05-01T10:00:00.5-07:00",
        "2024-05-01T17:00:00.000000000+00:00",
        "2024-05-01T03:15:00-13:45",
        "2024-05-02T16:59:00+23:59"
      })
  void acceptsRfc3339FormsWithOffset(String timestamp) {
    assertThat(reasonFor(primaryOnly(), signedWith(timestamp))).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2024-05-01T17:00:00",
        "2024-05-01T17:00:00.123",
        "2024-05-01 17:00:00Z",
        "2024-05-01t17:00:00Z",
        "2024-05-01T17:00:00z",
        "2024-05-01T10:00:00-0700",
        "2024-05-01T10:00:00-07",
        "2024-05-01T10:00:00-07:00:00",
        "2024-05-01T17:00Z",
        "2024-05-01T17:00:00.Z",
        "2024-05-01T17:00:00.1234567890Z",
        "2024-05-01T17:00:00,123Z",
        "2024-05-01",
        "1714582800",
        "1714582800000",
        "yesterday",
        "now",
        "Wed, 01 May 2024 17:00:00 GMT",
        "2024-05-01T17:00:00ZZ",
        "2024-05-01T17:00:00 Z",
        "2024-5-01T17:00:00Z",
        "24-05-01T17:00:00Z",
        "+2024-05-01T17:00:00Z",
        "2024-02-30T17:00:00Z",
        "2023-02-29T17:00:00Z",
        "2024-13-01T17:00:00Z",
        "2024-00-10T17:00:00Z",
        "2024-05-00T17:00:00Z",
        "2024-05-01T24:00:00Z",
        "2024-05-01T17:60:00Z",
        "2024-05-01T23:59:60Z",
        "2024-05-01T10:00:00-24:00",
        "2024-05-01T10:00:00+07:60",
        "2024-05-01T17:00:00UTC",
        "2024-05-01T17:00:00GMT+0",
        "\u0662\u0660\u0662\u0664-05-01T17:00:00Z",
        "2024-05-01T17:00:00\u00a0Z",
        "2024-05-01T17:00:00+07:00[Asia/Bangkok]"
      })
  void rejectsOtherFormsAsMalformed(String timestamp) {
    assertThat(reasonFor(primaryOnly(), signedWith(timestamp)))
        .isEqualTo(Reason.MALFORMED_TIMESTAMP);
  }

  @Test
  void leapYearDayIsAccepted() {
    SignatureValidator validator =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .clock(Clock.fixed(Instant.parse("2024-02-29T12:00:00Z"), ZoneOffset.UTC))
            .build();

    assertThat(reasonFor(validator, signedWith("2024-02-29T04:00:00-08:00"))).isNull();
  }

  @Test
  void malformedValueIsQuotedEscapedAndCut() {
    String longValue = "x".repeat(100) + "\u001b[31m";
    String control = "2024\n05\u0000\"\\";

    assertThatThrownBy(() -> primaryOnly().verify(audioEventBody(), signedWith(longValue)))
        .hasMessageStartingWith(
            "box-delivery-timestamp \"" + "x".repeat(64) + "\" (cut from 105 characters) is not");
    assertThatThrownBy(() -> primaryOnly().verify(audioEventBody(), signedWith(control)))
        .hasMessageStartingWith("box-delivery-timestamp \"2024\\u000a05\\u0000\\\"\\\\\" is not");
  }

  @Test
  void maxAgeBoundaryIsInclusive() {
    Duration maxAge = Duration.ofMinutes(3);
    SignatureValidator validator =
        SignatureValidator.builder().primaryKey(PRIMARY_KEY).maxAge(maxAge).clock(CLOCK).build();
    OffsetDateTime now = NOW.atOffset(ZoneOffset.ofHours(-7));

    assertThat(reasonFor(validator, signedWith(format(now.minus(maxAge))))).isNull();
    assertThat(reasonFor(validator, signedWith(format(now.minus(maxAge).minusSeconds(1)))))
        .isEqualTo(Reason.EXPIRED);
  }

  @Test
  void defaultMaxAgeBoundaryIsExact() {
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T16:55:00Z"))).isNull();
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T16:54:59Z")))
        .isEqualTo(Reason.EXPIRED);
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T16:54:59.999999999Z")))
        .isEqualTo(Reason.EXPIRED);
  }

  @Test
  void fractionsCountTowardsAge() {
    assertThatThrownBy(
            () -> primaryOnly().verify(audioEventBody(), signedWith("2024-05-01T16:54:59.5Z")))
        .hasMessageStartingWith(
            "box-delivery-timestamp 2024-05-01T16:54:59.5Z is 600.5 s old; the limit is 600 s.");
  }

  @Test
  void defaultFutureAllowanceBoundaryIsExact() {
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T17:06:00Z"))).isNull();
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T10:06:00-07:00"))).isNull();
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T17:06:00.001Z")))
        .isEqualTo(Reason.FROM_FUTURE);
    assertThat(reasonFor(primaryOnly(), signedWith("2024-05-01T17:06:01Z")))
        .isEqualTo(Reason.FROM_FUTURE);
  }

  @Test
  void zeroFutureAllowanceRejectsOneSecondAhead() {
    SignatureValidator strict =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .futureSkew(Duration.ZERO)
            .clock(CLOCK)
            .build();

    assertThat(reasonFor(strict, signedWith("2024-05-01T17:05:00Z"))).isNull();
    assertThat(reasonFor(strict, signedWith("2024-05-01T17:05:01Z"))).isEqualTo(Reason.FROM_FUTURE);
  }

  @Test
  void customFutureAllowanceIsHonoured() {
    SignatureValidator lenient =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .futureSkew(Duration.ofMinutes(30))
            .clock(CLOCK)
            .build();

    assertThat(reasonFor(lenient, signedWith("2024-05-01T10:30:00-07:00"))).isNull();
  }

  @Test
  void extremeYearsAreRejected() {
    assertThat(reasonFor(primaryOnly(), signedWith("0000-01-01T00:00:00Z")))
        .isEqualTo(Reason.EXPIRED);
    assertThat(reasonFor(primaryOnly(), signedWith("9999-12-31T23:59:59.999999999-23:59")))
        .isEqualTo(Reason.FROM_FUTURE);
  }

  @Test
  void timestampIsHashedVerbatimNotReformatted() {
    // The same instant written differently must fail: the signature covers the header's bytes.
    String sent = "2024-05-01T10:00:00-07:00";
    String signature = SignatureGenerator.sign(PRIMARY_KEY, audioEventBody(), sent);
    for (String sameInstant :
        new String[] {
          "2024-05-01T17:00:00Z", "2024-05-01T17:00:00+00:00", "2024-05-01T10:00:00.000-07:00"
        }) {
      Map<String, String> headers = boxHeaders(sameInstant, signature, null);

      assertThat(reasonFor(primaryOnly(), headers))
          .as(sameInstant)
          .isEqualTo(Reason.SIGNATURE_MISMATCH);
    }
  }

  @Test
  void freshnessIsCheckedBeforeSignature() {
    Map<String, String> headers = boxHeaders("2024-05-01T09:00:00-07:00", "wrong", null);

    assertThat(reasonFor(primaryOnly(), headers)).isEqualTo(Reason.EXPIRED);
  }

  private static String format(OffsetDateTime time) {
    return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time);
  }
}
