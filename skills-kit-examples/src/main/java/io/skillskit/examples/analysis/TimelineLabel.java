package io.skillskit.examples.analysis;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a timeline card: a label and the spans of media time where it applies.
 *
 * @param text the label shown on the card, not blank
 * @param appears the spans where the label applies, in time order
 */
public record TimelineLabel(String text, List<TimeSpan> appears) {

  /**
   * Creates a timeline entry after checking the label and copying the spans.
   *
   * @param text the label shown on the card, not blank
   * @param appears the spans where the label applies, in time order
   * @throws IllegalArgumentException if the label is blank
   */
  public TimelineLabel {
    Objects.requireNonNull(text, "text");
    if (text.isBlank()) {
      throw new IllegalArgumentException("Timeline label text is blank: expected a visible label.");
    }
    appears = List.copyOf(appears);
  }
}
