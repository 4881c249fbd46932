package io.skillskit.examples.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Spans of sound and silence in a recording, as {@link WavSegmenter} finds them.
 *
 * <p>The sound and silence spans together cover the recording from 0 to {@code durationSeconds}
 * without gaps or overlaps. Times are rounded to the millisecond.
 *
 * @param durationSeconds the length of the recording in seconds
 * @param sound the spans with sound, in time order
 * @param silence the silent spans, in time order
 */
public record SoundTimeline(double durationSeconds, List<TimeSpan> sound, List<TimeSpan> silence) {

  /** Label of the sound entry that {@link #labels()} returns. */
  public static final String SOUND_LABEL = "Sound";

  /** Label of the silence entry that {@link #labels()} returns. */
  public static final String SILENCE_LABEL = "Silence";

  /**
   * Creates a timeline after copying the span lists and checking the duration.
   *
   * @param durationSeconds the length of the recording in seconds, finite and at least 0
   * @param sound the spans with sound, in time order
   * @param silence the silent spans, in time order
   * @throws IllegalArgumentException if the duration is negative or not finite
   */
  public SoundTimeline {
    if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
      throw new IllegalArgumentException(
          "Invalid recording duration " + durationSeconds + " s: expected a finite value >= 0.");
    }
    sound = List.copyOf(sound);
    silence = List.copyOf(silence);
  }

  /**
   * Returns the total time with sound.
   *
   * @return the summed length of the sound spans, in seconds
   */
  public double soundSeconds() {
    return sound.stream().mapToDouble(TimeSpan::length).sum();
  }

  /**
   * Returns the entries of a timeline card: {@value #SOUND_LABEL} with the sound spans, then
   * {@value #SILENCE_LABEL} with the silent spans. An entry with no spans is left out, so an empty
   * recording gives an empty list.
   *
   * @return zero, one or two labels with their spans
   */
  public List<TimelineLabel> labels() {
    List<TimelineLabel> labels = new ArrayList<>(2);
    if (!sound.isEmpty()) {
      labels.add(new TimelineLabel(SOUND_LABEL, sound));
    }
    if (!silence.isEmpty()) {
      labels.add(new TimelineLabel(SILENCE_LABEL, silence));
    }
    return List.copyOf(labels);
  }
}
