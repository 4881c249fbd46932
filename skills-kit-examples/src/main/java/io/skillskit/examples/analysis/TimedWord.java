package io.skillskit.examples.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * A word or punctuation token from a speech recogniser, with the media time at which it is spoken.
 * Tokens without a time, typically punctuation, have {@link Double#NaN} as start and end.
 *
 * @param text the token as recognised, for example {@code "budget"} or {@code "."}
 * @param start the second at which the token starts, or {@code NaN} when it has no time
 * @param end the second at which the token ends, or {@code NaN} when it has no time
 */
public record TimedWord(String text, double start, double end) {

  /**
   * Creates a token after checking its times: both {@code NaN}, or both finite with {@code 0 <=
   * start <= end}.
   *
   * @param text the token as recognised
   * @param start the start second, or {@code NaN}
   * @param end the end second, or {@code NaN}
   * @throws IllegalArgumentException if only one time is {@code NaN}, or the times are negative,
   *     infinite or out of order
   */
  public TimedWord {
    Objects.requireNonNull(text, "text");
    boolean untimed = Double.isNaN(start) && Double.isNaN(end);
    boolean validTimes =
        Double.isFinite(start) && Double.isFinite(end) && start >= 0 && end >= start;
    if (!untimed && !validTimes) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Invalid times for word '%s': %s s to %s s; expected finite times with"
                  + " 0 <= start <= end, or no time at all.",
              text,
              start,
              end));
    }
  }

  /**
   * Returns a token with a start and end time.
   *
   * @param text the token as recognised
   * @param start the second at which it starts, at least 0
   * @param end the second at which it ends, at least {@code start}
   * @return the timed token
   * @throws IllegalArgumentException if the times are negative, not finite or out of order
   */
  public static TimedWord of(String text, double start, double end) {
    if (Double.isNaN(start) || Double.isNaN(end)) {
      throw new IllegalArgumentException(
          "Word '" + text + "' has a NaN time: use TimedWord.untimed for a token without time.");
    }
    return new TimedWord(text, start, end);
  }

  /**
   * Returns a token without a time, such as punctuation a recogniser adds.
   *
   * @param text the token as recognised
   * @return the untimed token
   */
  public static TimedWord untimed(String text) {
    return new TimedWord(text, Double.NaN, Double.NaN);
  }

  /**
   * Returns whether the token has a start and end time.
   *
   * @return {@code true} if the times are set
   */
  public boolean isTimed() {
    return !Double.isNaN(start);
  }
}
