package io.skillskit.cards;

import io.skillskit.internal.CardJson;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One word or punctuation token from a speech-to-text service, with the time it was spoken when the
 * service gives one. {@link TimedWords} groups such tokens into transcript entries.
 *
 * <pre>{@code
 * List<TimedWord> words = List.of(
 *     TimedWord.of("Welcome", 0.20, 0.55),
 *     TimedWord.of("back", 0.60, 0.90),
 *     TimedWord.untimed("."));
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class TimedWord {

  private final String text;
  private final double start;
  private final double end;

  private TimedWord(String text, double start, double end) {
    this.text = Objects.requireNonNull(text, "text");
    this.start = start;
    this.end = end;
  }

  /**
   * Creates a token spoken from {@code start} to {@code end} seconds.
   *
   * @param text the token as the service returned it
   * @param start seconds; finite and not negative
   * @param end seconds; finite and not before {@code start}
   * @return the token
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if a time is negative, NaN or infinite, or {@code start} is
   *     after {@code end}
   */
  public static TimedWord of(String text, double start, double end) {
    String problem = TimeRange.problem(start, end);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid time for word " + CardText.quote(text) + ": " + problem);
    }
    return new TimedWord(text, start + 0.0, end + 0.0);
  }

  /**
   * Creates a token spoken from {@code start} seconds, with no known end.
   *
   * @param text the token as the service returned it
   * @param start seconds; finite and not negative
   * @return the token
   * @throws NullPointerException if {@code text} is null
   * @throws IllegalArgumentException if {@code start} is negative, NaN or infinite
   */
  public static TimedWord startingAt(String text, double start) {
    String problem = TimeRange.problem(start);
    if (problem != null) {
      throw new IllegalArgumentException(
          "invalid time for word " + CardText.quote(text) + ": " + problem);
    }
    return new TimedWord(text, start + 0.0, Double.NaN);
  }

  /**
   * Creates a token without a time, such as the punctuation some services return separately.
   *
   * @param text the token as the service returned it
   * @return the token
   * @throws NullPointerException if {@code text} is null
   */
  public static TimedWord untimed(String text) {
    return new TimedWord(text, Double.NaN, Double.NaN);
  }

  /**
   * Returns the token text as given.
   *
   * @return the text
   */
  public String text() {
    return text;
  }

  /**
   * Returns when the token starts.
   *
   * @return seconds, or empty for an untimed token
   */
  public OptionalDouble start() {
    return Double.isNaN(start) ? OptionalDouble.empty() : OptionalDouble.of(start);
  }

  /**
   * Returns when the token ends.
   *
   * @return seconds, or empty when the service gave no end
   */
  public OptionalDouble end() {
    return Double.isNaN(end) ? OptionalDouble.empty() : OptionalDouble.of(end);
  }

  double startOrNaN() {
    return start;
  }

  double endOrNaN() {
    return end;
  }

  /**
   * Compares text and times.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a token with the same text and times
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TimedWord)) {
      return false;
    }
    TimedWord that = (TimedWord) other;
    return text.equals(that.text)
        && Double.compare(start, that.start) == 0
        && Double.compare(end, that.end) == 0;
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(text, start, end);
  }

  /**
   * Returns the token and its times.
   *
   * @return text such as {@code Welcome@0.2-0.55} or {@code .@untimed}
   */
  @Override
  public String toString() {
    if (Double.isNaN(start)) {
      return text + "@untimed";
    }
    return text
        + "@"
        + CardJson.secondsText(start)
        + "-"
        + (Double.isNaN(end) ? "" : CardJson.secondsText(end));
  }
}
