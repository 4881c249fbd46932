package io.skillskit.cards;

import io.skillskit.internal.CardJson;
import java.util.OptionalDouble;

/**
 * Time span in which an entry appears in the file: a start and usually an end, in seconds from the
 * beginning of the media. Written into a card as one element of an entry's {@code appears} list,
 * {@code {"start": 12, "end": 48}}.
 *
 * <pre>{@code
 * TimeRange intro = TimeRange.of(0, 6.5);
 * TimeRange from = TimeRange.startingAt(12); // transcript entries need only a start
 * }</pre>
 *
 * <p>Times are kept as given: {@code 12} is written as {@code 12} and {@code 12.5} as {@code 12.5}.
 * A range may be empty ({@code start == end}). {@code -0.0} is stored as {@code 0}. Instances are
 * immutable.
 */
public final class TimeRange {

  private final double start;
  private final double end;
  private final boolean hasEnd;

  private TimeRange(double start, double end, boolean hasEnd) {
    this.start = start;
    this.end = end;
    this.hasEnd = hasEnd;
  }

  /**
   * Creates a range from {@code start} to {@code end} seconds.
   *
   * @param start seconds from the beginning of the media; finite and not negative
   * @param end seconds from the beginning of the media; finite and not before {@code start}
   * @return the range
   * @throws IllegalArgumentException if a time is negative, NaN or infinite, or {@code start} is
   *     after {@code end}
   */
  public static TimeRange of(double start, double end) {
    String problem = problem(start, end);
    if (problem != null) {
      throw new IllegalArgumentException("invalid time range: " + problem);
    }
    return new TimeRange(start + 0.0, end + 0.0, true);
  }

  /**
   * Creates a range that has a start and no end. Transcript cards use only the start of each entry;
   * the other card types need an end.
   *
   * @param start seconds from the beginning of the media; finite and not negative
   * @return the range
   * @throws IllegalArgumentException if {@code start} is negative, NaN or infinite
   */
  public static TimeRange startingAt(double start) {
    String problem = problem(start);
    if (problem != null) {
      throw new IllegalArgumentException("invalid time range: " + problem);
    }
    return new TimeRange(start + 0.0, Double.NaN, false);
  }

  /** Describes what is wrong with a pair of times, or returns null when they form a valid range. */
  static String problem(double start, double end) {
    String startProblem = problem(start);
    if (startProblem != null) {
      return startProblem;
    }
    if (!Double.isFinite(end)) {
      return "end " + CardJson.secondsText(end) + " is not a finite number of seconds";
    }
    if (end < 0) {
      return "end " + CardJson.secondsText(end) + " is negative; expected seconds from the start";
    }
    if (start > end) {
      return "start " + CardJson.secondsText(start) + " is after end " + CardJson.secondsText(end);
    }
    return null;
  }

  /** Describes what is wrong with a start time, or returns null when it is valid. */
  static String problem(double start) {
    if (!Double.isFinite(start)) {
      return "start " + CardJson.secondsText(start) + " is not a finite number of seconds";
    }
    if (start < 0) {
      return "start "
          + CardJson.secondsText(start)
          + " is negative; expected seconds from the start";
    }
    return null;
  }

  /**
   * Returns the start.
   *
   * @return seconds from the beginning of the media
   */
  public double start() {
    return start;
  }

  /**
   * Returns the end, if the range has one.
   *
   * @return seconds from the beginning of the media, or empty for a range made with {@link
   *     #startingAt(double)}
   */
  public OptionalDouble end() {
    return hasEnd ? OptionalDouble.of(end) : OptionalDouble.empty();
  }

  /**
   * Tells whether the range has an end.
   *
   * @return {@code true} unless the range was made with {@link #startingAt(double)}
   */
  public boolean hasEnd() {
    return hasEnd;
  }

  /**
   * Compares by start and end.
   *
   * @param other the object to compare with
   * @return {@code true} if {@code other} is a range with the same start and end
   */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof TimeRange)) {
      return false;
    }
    TimeRange that = (TimeRange) other;
    return Double.compare(start, that.start) == 0
        && hasEnd == that.hasEnd
        && (!hasEnd || Double.compare(end, that.end) == 0);
  }

  /**
   * Returns a hash code consistent with {@link #equals(Object)}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * Double.hashCode(start) + (hasEnd ? Double.hashCode(end) : 0);
  }

  /**
   * Returns the range as seconds, for example {@code 12-48.5} or {@code 12-} without an end.
   *
   * @return a short description
   */
  @Override
  public String toString() {
    return CardJson.secondsText(start) + "-" + (hasEnd ? CardJson.secondsText(end) : "");
  }
}
