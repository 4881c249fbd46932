package io.skillskit.examples.analysis;

import java.util.List;

/**
 * Timed lines of text, as a transcript card needs them, with the length of the media they cover.
 *
 * @param lines the lines in time order
 * @param durationSeconds the media length in seconds: the latest end of any line or word, 0 when
 *     there is none
 */
public record Transcript(List<TranscriptLine> lines, double durationSeconds) {

  /**
   * Creates a transcript after copying the lines and checking the duration.
   *
   * @param lines the lines in time order
   * @param durationSeconds the media length in seconds, finite and at least 0
   * @throws IllegalArgumentException if the duration is negative or not finite
   */
  public Transcript {
    lines = List.copyOf(lines);
    if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
      throw new IllegalArgumentException(
          "Invalid transcript duration " + durationSeconds + " s: expected a finite value >= 0.");
    }
  }

  /**
   * Returns the text of each line, in order.
   *
   * @return the line texts
   */
  public List<String> texts() {
    return lines.stream().map(TranscriptLine::text).toList();
  }
}
