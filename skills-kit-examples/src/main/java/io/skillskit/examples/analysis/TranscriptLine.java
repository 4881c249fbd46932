package io.skillskit.examples.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * One line of a transcript: text and the media time at which it is spoken or shown.
 *
 * <p>A transcript card places each entry at its start second. The end is kept for cards and players
 * that use it.
 *
 * @param text the words of the line, with whitespace normalised, not blank
 * @param start the second at which the line starts, at least 0
 * @param end the second at which the line ends, at least {@code start}
 */
public record TranscriptLine(String text, double start, double end) {

  /**
   * Creates a transcript line after checking its text and times.
   *
   * @param text the words of the line, not blank
   * @param start the second at which the line starts, at least 0
   * @param end the second at which the line ends, at least {@code start}
   * @throws IllegalArgumentException if the text is blank, a time is negative or not finite, or the
   *     end is before the start
   */
  public TranscriptLine {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("Transcript line text is blank: expected words.");
    }
    if (!Double.isFinite(start) || !Double.isFinite(end) || start < 0 || end < start) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Invalid times for transcript line '%s': %s s to %s s; expected 0 <= start <= end.",
              text,
              start,
              end));
    }
  }
}
