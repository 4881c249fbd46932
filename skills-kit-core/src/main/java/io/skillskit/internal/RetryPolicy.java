package io.skillskit.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides whether a failed Box call is tried again and how long to wait first. Every Box call of
 * the kit goes through one instance, so the rules below hold everywhere:
 *
 * <ul>
 *   <li>HTTP 429 and 5xx are retried; any other status is final. A 5xx response to a request that
 *       is not safe to repeat (POST) is final too, because Box may have applied it.
 *   <li>A {@code Retry-After} header is honoured in seconds, fractions included ({@code 0.5} is 500
 *       ms), or as an HTTP date. Without one the wait grows exponentially from the base delay, with
 *       random jitter, up to the maximum delay.
 *   <li>Network failures ({@link java.io.IOException}) are retried only for requests that are safe
 *       to repeat.
 *   <li>Retrying stops after the maximum number of attempts or when the next wait would end after
 *       the total retry time; a long {@code Retry-After} fails at once instead of sleeping past it.
 * </ul>
 *
 * <p>HTTP 401 is never retried: skill tokens cannot be refreshed. Instances are immutable and
 * thread-safe.
 */
public final class RetryPolicy {

  /** Default maximum number of attempts per call, the first one included. */
  public static final int DEFAULT_MAX_ATTEMPTS = 5;

  /** Default total time from the first attempt within which a retry must start. */
  public static final Duration DEFAULT_MAX_RETRY_TIME = Duration.ofSeconds(60);

  /** Default wait before the first retry when Box sends no {@code Retry-After}. */
  public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);

  /** Default upper bound of one computed wait. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(30);

  /** Default jitter: a computed wait is multiplied by a random factor in [0.5, 1.5). */
  public static final double DEFAULT_JITTER = 0.5;

  private static final Pattern SECONDS = Pattern.compile("\\d+(\\.\\d+)?");

  /** Maximum wait read from a {@code Retry-After}, so that larger values all mean one long wait. */
  private static final Duration MAX_RETRY_AFTER = Duration.ofDays(365L * 1000);

  private static final List<String> MONTH_NAMES =
      List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec");

  private static final String MONTHS = "(" + String.join("|", MONTH_NAMES) + ")";

  /** Obsolete RFC 850 form of an HTTP date, such as {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
  private static final Pattern RFC_850_DATE =
      Pattern.compile(
          "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d{2})-"
              + MONTHS
              + "-(\\d{2}) (\\d{2}):(\\d{2}):(\\d{2}) GMT");

  /** Obsolete {@code asctime()} form of an HTTP date, such as {@code Sun Nov  6 08:49:37 1994}. */
  private static final Pattern ASCTIME_DATE =
      Pattern.compile(
          "(Mon|Tue|Wed|Thu|Fri|Sat|Sun) "
              + MONTHS
              + " ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2}) (\\d{4})");

  private final int maxAttempts;
  private final Duration maxRetryTime;
  private final Duration baseDelay;
  private final Duration maxDelay;
  private final double jitter;
  private final DoubleSupplier random;

  /**
   * Creates a policy.
   *
   * @param maxAttempts attempts per call, the first one included, at least 1
   * @param maxRetryTime total time from the first attempt within which a retry must start
   * @param baseDelay wait before the first retry without {@code Retry-After}
   * @param maxDelay upper bound of one computed wait
   * @param jitter relative spread of computed waits, from 0 (none) to 1
   * @param random source of values in [0, 1) for the jitter
   * @throws IllegalArgumentException if a value is out of range
   */
  public RetryPolicy(
      int maxAttempts,
      Duration maxRetryTime,
      Duration baseDelay,
      Duration maxDelay,
      double jitter,
      DoubleSupplier random) {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; expected at least 1");
    }
    requireNotNegative(maxRetryTime, "maxRetryTime");
    requireNotNegative(baseDelay, "baseDelay");
    requireNotNegative(maxDelay, "maxDelay");
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new IllegalArgumentException("jitter is " + jitter + "; expected 0 to 1");
    }
    this.maxAttempts = maxAttempts;
    this.maxRetryTime = maxRetryTime;
    this.baseDelay = baseDelay;
    this.maxDelay = maxDelay;
    this.jitter = jitter;
    this.random = Objects.requireNonNull(random, "random");
  }

  /**
   * Returns a policy with the defaults and a thread-local random source for the jitter.
   *
   * @return the default policy
   */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_MAX_RETRY_TIME,
        DEFAULT_BASE_DELAY,
        DEFAULT_MAX_DELAY,
        DEFAULT_JITTER,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /**
   * Returns the maximum number of attempts per call.
   *
   * @return the attempt limit, the first attempt included
   */
  public int maxAttempts() {
    return maxAttempts;
  }

  /**
   * Returns the total time from the first attempt within which a retry must start.
   *
   * @return the retry time budget
   */
  public Duration maxRetryTime() {
    return maxRetryTime;
  }

  /**
   * Tells whether an HTTP status is worth another attempt: 429 always, 5xx when the request is safe
   * to repeat.
   *
   * @param status the HTTP status
   * @param idempotent whether repeating the request has the same effect as sending it once
   * @return {@code true} for a retryable status
   */
  public static boolean isRetryableStatus(int status, boolean idempotent) {
    if (status == 429) {
      return true;
    }
    return status >= 500 && status <= 599 && idempotent;
  }

  /**
   * Decides what to do after a response with a retryable status or a {@code 202 Accepted}.
   *
   * @param attempt the number of attempts made so far, at least 1
   * @param retryAfter the {@code Retry-After} header value, or {@code null}
   * @param now the current time, for {@code Retry-After} given as an HTTP date
   * @param elapsed time since the first attempt started
   * @return the wait before the next attempt, or the reason to stop
   */
  public Decision afterRetryableAnswer(
      int attempt, String retryAfter, Instant now, Duration elapsed) {
    if (attempt >= maxAttempts) {
      return Decision.stop(StopReason.ATTEMPTS_EXHAUSTED, Duration.ZERO);
    }
    Optional<Duration> requested = parseRetryAfter(retryAfter, now);
    Duration wait = requested.orElseGet(() -> backoff(attempt));
    if (elapsed.plus(wait).compareTo(maxRetryTime) > 0) {
      return Decision.stop(
          requested.isPresent() ? StopReason.RETRY_AFTER_TOO_LONG : StopReason.RETRY_TIME_EXHAUSTED,
          wait);
    }
    return Decision.retry(wait);
  }

  /**
   * Decides what to do after a network failure.
   *
   * @param attempt the number of attempts made so far, at least 1
   * @param idempotent whether repeating the request has the same effect as sending it once
   * @param elapsed time since the first attempt started
   * @return the wait before the next attempt, or the reason to stop
   */
  public Decision afterNetworkFailure(int attempt, boolean idempotent, Duration elapsed) {
    if (!idempotent) {
      return Decision.stop(StopReason.NOT_SAFE_TO_REPEAT, Duration.ZERO);
    }
    if (attempt >= maxAttempts) {
      return Decision.stop(StopReason.ATTEMPTS_EXHAUSTED, Duration.ZERO);
    }
    Duration wait = backoff(attempt);
    if (elapsed.plus(wait).compareTo(maxRetryTime) > 0) {
      return Decision.stop(StopReason.RETRY_TIME_EXHAUSTED, wait);
    }
    return Decision.retry(wait);
  }

  /**
   * Returns the computed wait after a given attempt when Box sent no {@code Retry-After}: the base
   * delay doubled per earlier attempt, times a random factor in [1 - jitter, 1 + jitter), at most
   * the maximum delay.
   *
   * @param attempt the number of attempts made so far, at least 1
   * @return the wait before the next attempt
   */
  public Duration backoff(int attempt) {
    int doublings = Math.min(Math.max(attempt - 1, 0), 30);
    double millis = baseDelay.toMillis() * Math.pow(2, doublings);
    millis *= 1 - jitter + 2 * jitter * random.getAsDouble();
    long rounded = (long) Math.min(millis, (double) maxDelay.toMillis());
    return Duration.ofMillis(Math.max(rounded, 0));
  }

  /**
   * Parses a {@code Retry-After} header: a number of seconds, fractions allowed, or an HTTP date in
   * any of the three forms HTTP defines (RFC 9110, section 5.6.7): the usual {@code Sat, 14 Mar 2026
   * 16:41:10 GMT}, the obsolete RFC 850 {@code Saturday, 14-Mar-26 16:41:10 GMT} and the obsolete
   * {@code asctime()} {@code Sat Mar 14 16:41:10 2026}.
   *
   * @param value the header value, or {@code null}
   * @param now the current time, to turn a date into a wait
   * @return the wait, rounded up to whole milliseconds and at most a thousand years, {@link
   *     Duration#ZERO} for a date in the past, or empty when the header is absent or in none of
   *     these forms
   */
  public static Optional<Duration> parseRetryAfter(String value, Instant now) {
    if (value == null) {
      return Optional.empty();
    }
    String trimmed = value.trim();
    if (SECONDS.matcher(trimmed).matches()) {
      return Optional.of(seconds(trimmed));
    }
    Instant date = parseHttpDate(trimmed, now);
    if (date == null) {
      return Optional.empty();
    }
    Duration wait = Duration.between(now, date);
    return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
  }

  private static Duration seconds(String digits) {
    String whole = digits.split("\\.", 2)[0].replaceFirst("^0+", "");
    if (whole.length() > 15) {
      // Far beyond the cap; skipping the exact arithmetic keeps a huge header cheap to read.
      return MAX_RETRY_AFTER;
    }
    BigDecimal millis = new BigDecimal(digits).movePointRight(3).setScale(0, RoundingMode.CEILING);
    if (millis.compareTo(BigDecimal.valueOf(MAX_RETRY_AFTER.toMillis())) > 0) {
      return MAX_RETRY_AFTER;
    }
    return Duration.ofMillis(millis.longValueExact());
  }

  private static Instant parseHttpDate(String text, Instant now) {
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      // Falls through to the obsolete forms.
    }
    try {
      Matcher rfc850 = RFC_850_DATE.matcher(text);
      if (rfc850.matches()) {
        // A two-digit year more than 50 years ahead means the most recent past year with those
        // digits, as RFC 9110 requires.
        int year = now.atZone(ZoneOffset.UTC).getYear() / 100 * 100 + number(rfc850.group(4));
        if (year > now.atZone(ZoneOffset.UTC).getYear() + 50) {
          year -= 100;
        }
        return utc(year, rfc850.group(3), rfc850.group(2), rfc850, 5);
      }
      Matcher asctime = ASCTIME_DATE.matcher(text);
      if (asctime.matches()) {
        return utc(number(asctime.group(7)), asctime.group(2), asctime.group(3), asctime, 4);
      }
    } catch (DateTimeException e) {
      // A date such as 31 February; the header is unreadable.
    }
    return null;
  }

  private static Instant utc(int year, String month, String day, Matcher time, int timeGroup) {
    return LocalDateTime.of(
            year,
            MONTH_NAMES.indexOf(month) + 1,
            number(day.trim()),
            number(time.group(timeGroup)),
            number(time.group(timeGroup + 1)),
            number(time.group(timeGroup + 2)))
        .toInstant(ZoneOffset.UTC);
  }

  private static int number(String digits) {
    return Integer.parseInt(digits);
  }

  private static void requireNotNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " is " + value + "; expected zero or more");
    }
  }

  /** Reason for ending the retries of a call. */
  public enum StopReason {
    /** The attempt limit was reached. */
    ATTEMPTS_EXHAUSTED,
    /** The next computed wait would end after the total retry time. */
    RETRY_TIME_EXHAUSTED,
    /** Box requested a wait that would end after the total retry time. */
    RETRY_AFTER_TOO_LONG,
    /** The request is not safe to send twice. */
    NOT_SAFE_TO_REPEAT
  }

  /**
   * Outcome of a retry decision.
   *
   * @param retry whether to try again
   * @param delay the wait before the next attempt; when stopping, the wait that was not taken
   * @param stopReason why retrying stopped, or {@code null} when retrying
   */
  public record Decision(boolean retry, Duration delay, StopReason stopReason) {

    static Decision retry(Duration delay) {
      return new Decision(true, delay, null);
    }

    static Decision stop(StopReason reason, Duration delay) {
      return new Decision(false, delay, reason);
    }
  }
}
