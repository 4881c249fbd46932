package io.skillskit.examples.analysis;

import java.util.Locale;

/**
 * A stretch of media time, in seconds from the start of the file, as a timeline card's {@code
 * appears} entry needs it.
 *
 * @param start the second at which the span starts, at least 0
 * @param end the second at which the span ends, at least {@code start}
 */
public record TimeSpan(double start, double end) {

  /**
   * Creates a span after checking its times.
   *
   * @param start the second at which the span starts, at least 0
   * @param end the second at which the span ends, at least {@code start}
   * @throws IllegalArgumentException if a time is negative, not finite, or the end is before the
   *     start
   */
  public TimeSpan {
    if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end < start) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Invalid time span from %s s to %s s: expected finite times with 0 <= start <= end.",
              start,
              end));
    }
  }

  /**
   * Returns the length of the span.
   *
   * @return {@code end - start}, in seconds
   */
  public double length() {
    return end - start;
  }
}
