package io.skillskit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.internal.RetryPolicy.Decision;
import io.skillskit.internal.RetryPolicy.StopReason;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RetryPolicyTest {

  private static final Instant NOW = Instant.parse("2026-03-14T16:41:10Z");

  private static RetryPolicy policy(int maxAttempts, long maxRetrySeconds, double random) {
    return new RetryPolicy(
        maxAttempts,
        Duration.ofSeconds(maxRetrySeconds),
        Duration.ofSeconds(1),
        Duration.ofSeconds(30),
        0.5,
        () -> random);
  }

  @ParameterizedTest
  @CsvSource({"2, 2000", "0.5, 500", "1.25, 1250", "0.0001, 1", "0, 0", " 7 , 7000"})
  void parsesRetryAfterSeconds(String header, long expectedMillis) {
    assertThat(RetryPolicy.parseRetryAfter(header, NOW))
        .contains(Duration.ofMillis(expectedMillis));
  }

  @Test
  void parsesRetryAfterHttpDate() {
    assertThat(RetryPolicy.parseRetryAfter("Sat, 14 Mar 2026 16:41:13 GMT", NOW))
        .contains(Duration.ofSeconds(3));
  }

  @Test
  void treatsPastRetryAfterDateAsNoWait() {
    assertThat(RetryPolicy.parseRetryAfter("Sat, 14 Mar 2026 16:40:00 GMT", NOW))
        .contains(Duration.ZERO);
  }

  @ParameterizedTest
  @CsvSource({
    "1000000000, 1000000000000",
    "86400.000000000001, 86400001",
    "3.0, 3000",
    "'  3 ', 3000",
    "0000000002, 2000"
  })
  void parsesRetryAfterOfAnyLength(String header, long expectedMillis) {
    assertThat(RetryPolicy.parseRetryAfter(header, NOW))
        .contains(Duration.ofMillis(expectedMillis));
  }

  @Test
  void capsHugeRetryAfterInsteadOfIgnoringIt() {
    Duration thousandYears = Duration.ofDays(365L * 1000);

    assertThat(RetryPolicy.parseRetryAfter("99999999999999999999999", NOW))
        .contains(thousandYears);
    assertThat(RetryPolicy.parseRetryAfter("9".repeat(200_000), NOW)).contains(thousandYears);
  }

  @Test
  void stopsAtOnceForRetryAfterOfBillionSeconds() {
    RetryPolicy.Decision decision =
        policy(5, 60, 0.5).afterRetryableAnswer(1, "1000000000", NOW, Duration.ZERO);

    assertThat(decision.retry()).isFalse();
    assertThat(decision.stopReason()).isEqualTo(RetryPolicy.StopReason.RETRY_AFTER_TOO_LONG);
  }

  @ParameterizedTest
  @CsvSource({
    "'Saturday, 14-Mar-26 16:41:13 GMT', 3000",
    "'Sat Mar 14 16:41:15 2026', 5000",
    "'Sat Mar  7 16:41:10 2026', 0",
    "'Sunday, 06-Nov-94 08:49:37 GMT', 0"
  })
  void parsesObsoleteHttpDateForms(String header, long expectedMillis) {
    assertThat(RetryPolicy.parseRetryAfter(header, NOW))
        .contains(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "soon",
        "-1",
        "1e3",
        "+3",
        ".5",
        "3.",
        "2 seconds",
        "Sat, 99 Mar 2026 16:41:13 GMT",
        "Saturday, 31-Feb-26 16:41:13 GMT",
        "Sat Foo 14 16:41:15 2026"
      })
  void ignoresUnreadableRetryAfter(String header) {
    assertThat(RetryPolicy.parseRetryAfter(header, NOW)).isEmpty();
  }

  @Test
  void ignoresMissingRetryAfter() {
    assertThat(RetryPolicy.parseRetryAfter(null, NOW)).isEmpty();
  }

  @Test
  void retriesRateLimitAndServerErrors() {
    assertThat(RetryPolicy.isRetryableStatus(429, true)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(429, false)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(500, true)).isTrue();
    assertThat(RetryPolicy.isRetryableStatus(503, true)).isTrue();
  }

  @Test
  void doesNotRetryServerErrorOfPost() {
    assertThat(RetryPolicy.isRetryableStatus(500, false)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 400, 401, 403, 404, 409, 412})
  void doesNotRetryOtherStatuses(int status) {
    assertThat(RetryPolicy.isRetryableStatus(status, true)).isFalse();
  }

  @Test
  void honoursRetryAfterWithoutJitter() {
    Decision decision = policy(5, 60, 0.99).afterRetryableAnswer(1, "2", NOW, Duration.ZERO);

    assertThat(decision.retry()).isTrue();
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void backsOffExponentiallyWithoutRetryAfter() {
    RetryPolicy exact = policy(10, 600, 0.5);

    assertThat(exact.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(exact.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(exact.backoff(3)).isEqualTo(Duration.ofSeconds(4));
    assertThat(exact.backoff(6)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void appliesJitterWithinBounds() {
    assertThat(policy(5, 60, 0.0).backoff(2)).isEqualTo(Duration.ofSeconds(1));
    assertThat(policy(5, 60, 0.999).backoff(2))
        .isBetween(Duration.ofMillis(2990), Duration.ofSeconds(3));
  }

  @Test
  void stopsAtMaxAttempts() {
    Decision decision = policy(5, 60, 0.5).afterRetryableAnswer(5, "2", NOW, Duration.ofSeconds(8));

    assertThat(decision.retry()).isFalse();
    assertThat(decision.stopReason()).isEqualTo(StopReason.ATTEMPTS_EXHAUSTED);
  }

  @Test
  void stopsAtOnceWhenRetryAfterPassesDeadline() {
    Decision decision = policy(5, 60, 0.5).afterRetryableAnswer(1, "120", NOW, Duration.ZERO);

    assertThat(decision.retry()).isFalse();
    assertThat(decision.stopReason()).isEqualTo(StopReason.RETRY_AFTER_TOO_LONG);
    assertThat(decision.delay()).isEqualTo(Duration.ofSeconds(120));
  }

  @Test
  void stopsWhenBackoffPassesDeadline() {
    Decision decision =
        policy(5, 10, 0.5).afterRetryableAnswer(4, null, NOW, Duration.ofSeconds(5));

    assertThat(decision.retry()).isFalse();
    assertThat(decision.stopReason()).isEqualTo(StopReason.RETRY_TIME_EXHAUSTED);
  }

  @Test
  void retriesNetworkFailureOnlyWhenSafeToRepeat() {
    RetryPolicy policy = policy(5, 60, 0.5);

    assertThat(policy.afterNetworkFailure(1, true, Duration.ZERO).retry()).isTrue();
    assertThat(policy.afterNetworkFailure(1, false, Duration.ZERO).stopReason())
        .isEqualTo(StopReason.NOT_SAFE_TO_REPEAT);
    assertThat(policy.afterNetworkFailure(5, true, Duration.ZERO).stopReason())
        .isEqualTo(StopReason.ATTEMPTS_EXHAUSTED);
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> policy(0, 60, 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts is 0; expected at least 1");
    assertThatThrownBy(
            () ->
                new RetryPolicy(
                    3, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO, 0, () -> 0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRetryTime is PT-1S; expected zero or more");
  }
}
