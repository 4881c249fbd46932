package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.fixture;
import static io.skillskit.signature.SignatureTestData.vectorHeaders;
import static io.skillskit.signature.SignatureTestData.vectors;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.signature.SignatureVerificationException.Reason;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Known-answer vectors from {@code fixtures/signature/vector.json}. */
class SignatureVectorTest {

  private static final JsonNode VECTORS = vectors();
  private static final String PRIMARY = VECTORS.get("primary_key").asText();
  private static final String SECONDARY = VECTORS.get("secondary_key").asText();
  private static final JsonNode ASCII_VECTOR = VECTORS.get("vectors").get(0);
  private static final JsonNode UNICODE_VECTOR = VECTORS.get("vectors").get(1);
  private static final Instant SENT_AT = Instant.parse("2026-03-14T16:26:53Z");

  private static SignatureValidator.Builder both(Instant now) {
    return SignatureValidator.builder()
        .primaryKey(PRIMARY)
        .secondaryKey(SECONDARY)
        .clock(Clock.fixed(now, ZoneOffset.UTC));
  }

  private static SignatureValidator bothAtSendTime() {
    return both(SENT_AT).build();
  }

  @Test
  void fixtureBodiesAreByteExact() throws NoSuchAlgorithmException {
    for (JsonNode vector : VECTORS.get("vectors")) {
      byte[] body = fixture(vector.get("body_file").asText());

      String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));

      assertThat(body).hasSize(vector.get("body_length_bytes").asInt());
      assertThat(sha256).isEqualTo(vector.get("body_sha256_hex").asText());
    }
  }

  @Test
  void asciiVectorSignaturesAreReproduced() {
    byte[] body = fixture("body.json");
    String timestamp = vectorHeaders(ASCII_VECTOR).get("BOX-DELIVERY-TIMESTAMP");
    JsonNode expected = ASCII_VECTOR.get("expected");

    String primary = SignatureGenerator.sign(PRIMARY, body, timestamp);
    String secondary = SignatureGenerator.sign(SECONDARY, body, timestamp);

    assertThat(primary).isEqualTo(expected.get("primary").asText());
    assertThat(secondary).isEqualTo(expected.get("secondary").asText());
    assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(primary)))
        .isEqualTo(expected.get("hmac_primary_hex").asText());
    assertThat(HexFormat.of().formatHex(java.util.Base64.getDecoder().decode(secondary)))
        .isEqualTo(expected.get("hmac_secondary_hex").asText());
  }

  @Test
  void asciiVectorVerifies() {
    assertThat(bothAtSendTime().isValid(fixture("body.json"), vectorHeaders(ASCII_VECTOR)))
        .isTrue();
  }

  @Test
  void asciiVectorVerifiesWithEachKeyAlone() {
    Map<String, String> headers = vectorHeaders(ASCII_VECTOR);
    Clock clock = Clock.fixed(SENT_AT, ZoneOffset.UTC);

    SignatureValidator primaryOnly =
        SignatureValidator.builder().primaryKey(PRIMARY).clock(clock).build();
    SignatureValidator secondaryOnly =
        SignatureValidator.builder().secondaryKey(SECONDARY).clock(clock).build();

    assertThat(primaryOnly.isValid(fixture("body.json"), headers)).isTrue();
    assertThat(secondaryOnly.isValid(fixture("body.json"), headers)).isTrue();
  }

  @Test
  void unicodeVectorVerifiesOverWireBytes() {
    byte[] wire = fixture("unicode-body-wire.json");
    Map<String, String> headers = vectorHeaders(UNICODE_VECTOR);
    JsonNode expected = UNICODE_VECTOR.get("expected");
    String timestamp = headers.get("BOX-DELIVERY-TIMESTAMP");

    assertThat(SignatureGenerator.sign(PRIMARY, wire, timestamp))
        .isEqualTo(expected.get("primary_over_wire_bytes").asText());
    assertThat(SignatureGenerator.sign(SECONDARY, wire, timestamp))
        .isEqualTo(expected.get("secondary_over_wire_bytes").asText());
    assertThat(bothAtSendTime().isValid(wire, headers)).isTrue();
  }

  @Test
  void unicodeVectorDecodedBodyFailsWithoutFallback() {
    byte[] decoded = fixture("unicode-body-decoded.json");
    Map<String, String> headers = vectorHeaders(UNICODE_VECTOR);
    String timestamp = headers.get("BOX-DELIVERY-TIMESTAMP");

    assertThat(SignatureGenerator.sign(PRIMARY, decoded, timestamp))
        .isEqualTo(
            UNICODE_VECTOR.get("expected").get("primary_over_decoded_bytes_NOT_matching").asText());
    assertThatThrownBy(() -> bothAtSendTime().verify(decoded, headers))
        .isInstanceOf(SignatureVerificationException.class)
        .extracting(e -> ((SignatureVerificationException) e).reason())
        .isEqualTo(Reason.SIGNATURE_MISMATCH);
  }

  @Test
  void unicodeVectorDecodedBodyVerifiesWithFallback() {
    byte[] decoded = fixture("unicode-body-decoded.json");
    SignatureValidator validator =
        both(SENT_AT).escapedBodyFallbackForReserializedBodies(true).build();

    assertThat(validator.isValid(decoded, vectorHeaders(UNICODE_VECTOR))).isTrue();
  }

  @Test
  void escapeTransformTurnsDecodedVectorIntoWireBytes() {
    assertThat(EscapedBody.of(fixture("unicode-body-decoded.json")))
        .isEqualTo(fixture("unicode-body-wire.json"));
  }

  @Test
  void fallbackStillNeedsTheRightKey() {
    byte[] decoded = fixture("unicode-body-decoded.json");
    Map<String, String> headers = vectorHeaders(UNICODE_VECTOR);
    SignatureValidator wrongKeys =
        SignatureValidator.builder()
            .primaryKey(SECONDARY)
            .secondaryKey(PRIMARY)
            .clock(Clock.fixed(SENT_AT, ZoneOffset.UTC))
            .escapedBodyFallbackForReserializedBodies(true)
            .build();

    assertThatThrownBy(() -> wrongKeys.verify(decoded, headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessageContaining("The escaped-body fallback did not match either.");
  }

  @ParameterizedTest
  @ValueSource(longs = {0, 1, 300, 599, 600})
  void timeWindowAcceptsAgeUpToMaxAge(long ageSeconds) {
    SignatureValidator validator = both(SENT_AT.plusSeconds(ageSeconds)).build();

    assertThat(validator.isValid(fixture("body.json"), vectorHeaders(ASCII_VECTOR))).isTrue();
  }

  @Test
  void timeWindowCasesOfVectorFile() {
    for (JsonNode check : VECTORS.get("timestamp_checks_for_vector_1")) {
      Instant now = Instant.parse(check.get("now_utc").asText());
      long age = check.get("age_seconds").asLong();
      JsonNode expected = check.get("expected_port");

      boolean withDefaults = both(now).build().isValid(fixture("body.json"), headers());
      boolean withoutSkew =
          both(now).futureSkew(Duration.ZERO).build().isValid(fixture("body.json"), headers());

      assertThat(Duration.between(SENT_AT, now).getSeconds()).isEqualTo(age);
      if (expected.isBoolean()) {
        assertThat(withDefaults).as("age %d s", age).isEqualTo(expected.asBoolean());
        assertThat(withoutSkew).as("age %d s, no skew", age).isEqualTo(expected.asBoolean());
      } else {
        // One second ahead: the default allowance accepts it, a zero allowance rejects it as
        // the Java SDK does.
        assertThat(age).isEqualTo(-1);
        assertThat(withDefaults).isTrue();
        assertThat(withoutSkew).isFalse();
      }
    }
  }

  @Test
  void oneSecondOverMaxAgeIsExpired() {
    SignatureValidator validator = both(SENT_AT.plusSeconds(601)).build();

    assertThatThrownBy(() -> validator.verify(fixture("body.json"), headers()))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-delivery-timestamp 2026-03-14T09:26:53-07:00 is 601 s old; the limit is 600 s."
                + " Check the server clock or raise maxAge.");
  }

  @Test
  void negativeCaseVersionTwo() {
    Map<String, String> headers = headers();
    headers.put("BOX-SIGNATURE-VERSION", "2");

    assertThatThrownBy(() -> bothAtSendTime().verify(fixture("body.json"), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-version \"2\" is not supported; only version 1 is. A new version from"
                + " Box needs a newer Skills Kit.");
  }

  @Test
  void negativeCaseHmacSha1() {
    Map<String, String> headers = headers();
    headers.put("BOX-SIGNATURE-ALGORITHM", "HmacSHA1");

    assertThatThrownBy(() -> bothAtSendTime().verify(fixture("body.json"), headers))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-algorithm \"HmacSHA1\" is not supported; only HmacSHA256 is, spelled"
                + " exactly so.");
  }

  @Test
  void negativeCasePrimaryWrongSecondaryRight() {
    Map<String, String> headers = headers();
    headers.put(
        "BOX-SIGNATURE-PRIMARY",
        UNICODE_VECTOR.get("expected").get("primary_over_wire_bytes").asText());

    assertThat(bothAtSendTime().isValid(fixture("body.json"), headers)).isTrue();
  }

  @Test
  void negativeCaseBothKeysWrong() {
    SignatureValidator wrongKeys =
        SignatureValidator.builder()
            .primaryKey("FAKEprimaryKeyForFixtures0000009")
            .secondaryKey("FAKEsecondaryKeyForFixtures00009")
            .clock(Clock.fixed(SENT_AT, ZoneOffset.UTC))
            .build();

    assertThatThrownBy(() -> wrongKeys.verify(fixture("body.json"), headers()))
        .isInstanceOf(SignatureVerificationException.class)
        .hasMessage(
            "box-signature-primary does not match the primary key. box-signature-secondary does"
                + " not match the secondary key. Check that the configured keys are the app's"
                + " current signature keys and that the body is passed exactly as received, not"
                + " parsed and written again.");
  }

  @Test
  void negativeCaseKeysSwapped() {
    SignatureValidator swapped =
        SignatureValidator.builder()
            .primaryKey(SECONDARY)
            .secondaryKey(PRIMARY)
            .clock(Clock.fixed(SENT_AT, ZoneOffset.UTC))
            .build();

    assertThat(swapped.isValid(fixture("body.json"), headers())).isFalse();
  }

  @Test
  void negativeCaseEveryChangedBodyByteFails() {
    byte[] original = fixture("body.json");
    SignatureValidator validator = bothAtSendTime();

    for (int i = 0; i < original.length; i += 37) {
      byte[] tampered = original.clone();
      tampered[i] ^= 0x01;

      assertThat(validator.isValid(tampered, headers())).as("byte %d changed", i).isFalse();
    }
    assertThat(validator.isValid(original, headers())).isTrue();
  }

  @Test
  void negativeCaseTrailingNewlineAddedFails() {
    byte[] original = fixture("body.json");
    byte[] withNewline = java.util.Arrays.copyOf(original, original.length + 1);
    withNewline[original.length] = '\n';

    assertThat(bothAtSendTime().isValid(withNewline, headers())).isFalse();
  }

  @Test
  void negativeCasePrimaryHeaderRemovedSecondaryRight() {
    Map<String, String> headers = headers();
    headers.remove("BOX-SIGNATURE-PRIMARY");

    assertThat(bothAtSendTime().isValid(fixture("body.json"), headers)).isTrue();
  }

  @Test
  void headerNamesInLowerAndMixedCase() {
    Map<String, String> lower = new TreeMap<>();
    Map<String, String> mixed = new TreeMap<>();
    headers()
        .forEach(
            (name, value) -> {
              lower.put(name.toLowerCase(Locale.ROOT), value);
              mixed.put(titleCase(name), value);
            });

    assertThat(bothAtSendTime().isValid(fixture("body.json"), lower)).isTrue();
    assertThat(bothAtSendTime().isValid(fixture("body.json"), mixed)).isTrue();
    assertThat(mixed).containsKey("Box-Signature-Primary");
  }

  private static Map<String, String> headers() {
    return vectorHeaders(ASCII_VECTOR);
  }

  private static String titleCase(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = true;
    for (char c : name.toLowerCase(Locale.ROOT).toCharArray()) {
      out.append(upper ? Character.toUpperCase(c) : c);
      upper = c == '-';
    }
    return out.toString();
  }
}
