package io.skillskit.request;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A short-lived bearer token from the event, limited by Box to the one file the skill works on.
 * The event carries two: the read token downloads the file, the write token writes cards.
 *
 * <p>Skill tokens cannot be refreshed: once expired, every Box call with them fails with HTTP 401. Check
 * {@link #remaining(Clock)} before starting long work.
 *
 * <p>{@link #toString()} masks the value; only {@link #value()} returns it. Two tokens are equal
 * when their values and expiry instants are equal.
 */
public final class AccessToken {

  private final String value;
  private final Instant expiresAt;
  // Set once: by the public constructor, or on the first scopes() call from scopeSource. The
  // lists are immutable, so two threads that both compute them store equal values.
  private volatile List<String> scopes;
  private final Supplier<List<String>> scopeSource;

  /**
   * Creates a token.
   *
   * @param value the bearer token, not blank
   * @param expiresAt when the token stops working, or {@code null} when unknown
   * @param scopes the scopes the token is restricted to, for example {@code item_read}
   * @throws NullPointerException if {@code value} or {@code scopes} is null
   * @throws IllegalArgumentException if {@code value} is blank
   */
  public AccessToken(String value, Instant expiresAt, List<String> scopes) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("access token is blank; expected a bearer token");
    }
    this.value = value;
    this.expiresAt = expiresAt;
    this.scopes = List.copyOf(scopes);
    this.scopeSource = null;
  }

  /**
   * Creates a token whose scopes are computed on the first call of {@link #scopes()}. The parser
   * uses it for {@code restricted_to} sent as JSON text, which most skills never read: decoding
   * both tokens' lists took about a fifth of the parse time of a 2.5 KB event in the kit's
   * benchmarks.
   */
  AccessToken(String value, Instant expiresAt, Supplier<List<String>> scopeSource) {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("access token is blank; expected a bearer token");
    }
    this.value = value;
    this.expiresAt = expiresAt;
    this.scopeSource = Objects.requireNonNull(scopeSource, "scopeSource");
  }

  /**
   * Returns the bearer token itself. Treat it as a secret: never log it or put it in a URL.
   *
   * @return the token value
   */
  public String value() {
    return value;
  }

  /**
   * Returns when the token stops working.
   *
   * <p>Box events carry {@code expires_in}, which real events fill with an absolute Unix time in
   * seconds while Box's schema describes it as seconds to live. The kit reads a value of at least
   * 1,000,000,000 as a Unix time and a smaller one as seconds after the event was received.
   *
   * @return the expiry instant, or empty when the event did not say
   */
  public Optional<Instant> expiresAt() {
    return Optional.ofNullable(expiresAt);
  }

  /**
   * Tells whether the token has expired by the given clock. A token with unknown expiry is
   * taken as not expired.
   *
   * @param clock the clock to read the current time from
   * @return {@code true} when the expiry instant is now or in the past
   */
  public boolean isExpired(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    return expiresAt != null && !clock.instant().isBefore(expiresAt);
  }

  /**
   * Returns how long the token still works by the given clock.
   *
   * @param clock the clock to read the current time from
   * @return the time left, {@link Duration#ZERO} once expired, or empty when expiry is unknown
   */
  public Optional<Duration> remaining(Clock clock) {
    Objects.requireNonNull(clock, "clock");
    if (expiresAt == null) {
      return Optional.empty();
    }
    Duration left = Duration.between(clock.instant(), expiresAt);
    return Optional.of(left.isNegative() ? Duration.ZERO : left);
  }

  /**
   * Returns the scopes Box restricted the token to, from its {@code restricted_to} list, for
   * example {@code gcm} and {@code item_read}.
   *
   * @return the scope names in event order; empty when the event listed none
   */
  public List<String> scopes() {
    List<String> result = scopes;
    if (result == null) {
      result = List.copyOf(scopeSource.get());
      scopes = result;
    }
    return result;
  }

  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    return other instanceof AccessToken that
        && value.equals(that.value)
        && Objects.equals(expiresAt, that.expiresAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, expiresAt);
  }

  /**
   * Returns a description with the value masked.
   *
   * @return text such as {@code AccessToken[value=***, expiresAt=2026-03-15T16:26:52Z]}
   */
  @Override
  public String toString() {
    return "AccessToken[value=***, expiresAt="
        + (expiresAt == null ? "unknown" : expiresAt.toString())
        + ", scopes="
        + scopes()
        + "]";
  }
}
