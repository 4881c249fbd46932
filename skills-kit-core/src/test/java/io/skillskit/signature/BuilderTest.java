package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Configuration errors are caught when the validator is built, with messages free of keys. */
class BuilderTest {

  @Test
  void buildWithoutAnyKeyPointsToUnsignedMode() {
    assertThatThrownBy(() -> SignatureValidator.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "No signature key is configured. Set primaryKey(...) and, for key rotation,"
                + " secondaryKey(...) to the keys shown in the Box Developer Console (app >"
                + " Webhooks > Manage signature keys). To run a skill locally without signed"
                + " requests, use SignatureValidator.acceptingUnsignedRequestsForLocalTesting().");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "   ", "\t", "\n", " \r\n "})
  void rejectsMissingOrBlankPrimaryKey(String key) {
    assertThatThrownBy(() -> SignatureValidator.builder().primaryKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("primaryKey is ")
        .hasMessageContaining("Box Developer Console");
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {" ", "\t\t", "\u2003"})
  void rejectsMissingOrBlankSecondaryKey(String key) {
    assertThatThrownBy(() -> SignatureValidator.builder().primaryKey(PRIMARY_KEY).secondaryKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secondaryKey is ");
  }

  @Test
  void pinsMessageOfNullKey() {
    assertThatThrownBy(() -> SignatureValidator.builder().primaryKey(null))
        .hasMessage(
            "primaryKey is null. Pass the key exactly as the Box Developer Console shows it"
                + " (app > Webhooks > Manage signature keys).");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {PRIMARY_KEY + "\n", " " + PRIMARY_KEY, PRIMARY_KEY + "\t", PRIMARY_KEY + " "})
  void rejectsKeyWithSurroundingWhitespaceWithoutShowingIt(String key) {
    assertThatThrownBy(() -> SignatureValidator.builder().primaryKey(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "primaryKey has leading or trailing whitespace (for example a newline from a secrets"
                + " file). Pass the key exactly as the Box Developer Console shows it (app >"
                + " Webhooks > Manage signature keys).")
        .message()
        .doesNotContain(PRIMARY_KEY);
  }

  @Test
  void acceptsKeyWithInnerSpace() {
    SignatureValidator validator =
        SignatureValidator.builder().primaryKey("inner space key").build();

    assertThat(validator.checksSignatures()).isTrue();
  }

  @Test
  void rejectsZeroNegativeAndNullMaxAge() {
    for (Duration maxAge : new Duration[] {Duration.ZERO, Duration.ofSeconds(-1), null}) {
      assertThatThrownBy(() -> SignatureValidator.builder().maxAge(maxAge))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("maxAge must be a positive duration, got " + maxAge + ".");
    }
    assertThatThrownBy(() -> SignatureValidator.builder().maxAge(Duration.ofSeconds(-5)))
        .hasMessage(
            "maxAge must be a positive duration, got PT-5S. Box asks receivers to reject"
                + " deliveries older than 10 minutes (PT10M).");
  }

  @Test
  void rejectsNegativeAndNullFutureSkew() {
    assertThatThrownBy(() -> SignatureValidator.builder().futureSkew(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futureSkew must be zero or a positive duration, got PT-0.001S.");
    assertThatThrownBy(() -> SignatureValidator.builder().futureSkew(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("futureSkew must be zero or a positive duration, got null.");
  }

  @Test
  void acceptsZeroFutureSkew() {
    SignatureValidator validator =
        SignatureValidator.builder().primaryKey(PRIMARY_KEY).futureSkew(Duration.ZERO).build();

    assertThat(validator.toString()).contains("futureSkew=PT0S");
  }

  @Test
  void rejectsNullClock() {
    assertThatThrownBy(() -> SignatureValidator.builder().clock(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("clock is null; pass Clock.systemUTC(), or a fixed clock in tests.");
  }

  @Test
  void toStringShowsSettingsButNoKey() {
    SignatureValidator primaryOnly = SignatureValidator.builder().primaryKey(PRIMARY_KEY).build();
    SignatureValidator both =
        SignatureValidator.builder()
            .primaryKey(PRIMARY_KEY)
            .secondaryKey(SECONDARY_KEY)
            .maxAge(Duration.ofMinutes(5))
            .futureSkew(Duration.ofSeconds(30))
            .escapedBodyFallbackForReserializedBodies(true)
            .build();

    assertThat(primaryOnly)
        .hasToString(
            "SignatureValidator[primaryKey=***, secondaryKey=absent, maxAge=PT10M,"
                + " futureSkew=PT1M, escapedBodyFallback=off]");
    assertThat(both)
        .hasToString(
            "SignatureValidator[primaryKey=***, secondaryKey=***, maxAge=PT5M,"
                + " futureSkew=PT30S, escapedBodyFallback=on]");
  }

  @Test
  void builderToStringShowsNoKey() {
    SignatureValidator.Builder builder =
        SignatureValidator.builder().primaryKey(PRIMARY_KEY).secondaryKey(SECONDARY_KEY);

    assertThat(builder.toString()).doesNotContain(PRIMARY_KEY).doesNotContain(SECONDARY_KEY);
    assertThat(builder.toString()).startsWith("SignatureValidator.Builder[primaryKey=***");
  }

  @Test
  void builderCanBuildMoreThanOnce() {
    SignatureValidator.Builder builder = SignatureValidator.builder().primaryKey(PRIMARY_KEY);

    SignatureValidator first = builder.build();
    SignatureValidator second = builder.secondaryKey(SECONDARY_KEY).build();

    assertThat(first.toString()).contains("secondaryKey=absent");
    assertThat(second.toString()).contains("secondaryKey=***");
  }

  @Test
  void defaultsAreTenMinutesAndOneMinute() {
    assertThat(SignatureValidator.DEFAULT_MAX_AGE).isEqualTo(Duration.ofMinutes(10));
    assertThat(SignatureValidator.DEFAULT_FUTURE_SKEW).isEqualTo(Duration.ofSeconds(60));
  }
}
