package io.skillskit.signature;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Keeps the example in the Javadoc of {@link SignatureValidator} compiling and true. */
class SignatureValidatorExampleTest {

  private static int handle(
      byte[] body,
      Map<String, String> headers,
      String primaryKey,
      String secondaryKey,
      Clock clock) {
    // Copied into the class Javadoc of SignatureValidator; keep the two in step.
    SignatureValidator validator =
        SignatureValidator.builder()
            .primaryKey(primaryKey)
            .secondaryKey(secondaryKey)
            .maxAge(Duration.ofMinutes(10))
            .clock(clock)
            .build();

    try {
      validator.verify(body, headers);
    } catch (SignatureVerificationException e) {
      // Nothing in this body can be trusted: respond with 401 and stop.
      return 401;
    }
    // Only now parse the same bytes and start the work.
    return 200;
  }

  @Test
  void exampleAcceptsSignedRequestAndRejectsTamperedOne() {
    byte[] body = SignatureTestData.videoEventBody();
    Map<String, String> headers =
        SignatureGenerator.of(SignatureTestData.PRIMARY_KEY, SignatureTestData.SECONDARY_KEY)
            .headers(body, SignatureTestData.FRESH_TIMESTAMP);
    byte[] tampered = body.clone();
    tampered[tampered.length - 3] = '5';

    int accepted =
        handle(
            body,
            headers,
            SignatureTestData.PRIMARY_KEY,
            SignatureTestData.SECONDARY_KEY,
            SignatureTestData.CLOCK);
    int rejected =
        handle(
            tampered,
            headers,
            SignatureTestData.PRIMARY_KEY,
            SignatureTestData.SECONDARY_KEY,
            SignatureTestData.CLOCK);

    assertThat(accepted).isEqualTo(200);
    assertThat(rejected).isEqualTo(401);
  }

  @Test
  void generatorExampleProducesVerifiableHeaders() {
    String primaryKey = SignatureTestData.PRIMARY_KEY;
    String secondaryKey = SignatureTestData.SECONDARY_KEY;
    byte[] body = SignatureTestData.videoEventBody();

    // Copied into the class Javadoc of SignatureGenerator.
    SignatureGenerator generator = SignatureGenerator.of(primaryKey, secondaryKey);
    Map<String, String> headers =
        generator.headers(body, OffsetDateTime.parse("2024-05-01T10:00:00-07:00"));

    assertThat(SignatureTestData.bothKeys().isValid(body, headers)).isTrue();
  }
}
