package io.skillskit.examples.skills;

import io.skillskit.box.FilesReader;
import io.skillskit.box.Usage;
import io.skillskit.cards.Thumbnails;
import io.skillskit.cards.TimeRange;
import io.skillskit.cards.TimelineCard;
import io.skillskit.examples.analysis.SoundTimeline;
import io.skillskit.examples.analysis.TimeSpan;
import io.skillskit.examples.analysis.TimelineLabel;
import io.skillskit.examples.analysis.WavSegmenter;
import io.skillskit.request.SkillsRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Turns a WAV recording into a timeline card with two entries, {@code Sound} and {@code Silence},
 * each listing where in the recording it occurs.
 *
 * <p>The skill reads the original file with {@link FilesReader#openContent()}: Box's basic format
 * for audio is mp3, which Java Sound cannot decode. {@link WavSegmenter} streams the samples, so
 * memory use does not grow with the recording. The Box web app shows an image next to each timeline
 * entry, so each label gets a generated 45 x 45 PNG, a coloured square, as a data URI. Usage is
 * reported in seconds of audio.
 *
 * <pre>{@code
 * SkillResult result = new SoundTimelineSkill().process(request, reader);
 * // one TimelineCard "Sound and silence": Sound 0-1 s, 2-4 s; Silence 1-2 s
 * }</pre>
 */
public final class SoundTimelineSkill implements ExampleSkill {

  /** Title of the timeline card. */
  public static final String TITLE = "Sound and silence";

  /** Largest WAV file the skill reads, in bytes: 500 MiB, about 45 minutes of CD audio. */
  public static final long MAX_FILE_BYTES = 500L << 20;

  private static final Map<String, Color> LABEL_COLOURS =
      Map.of(
          SoundTimeline.SOUND_LABEL, new Color(0x2E, 0x9E, 0x5B),
          SoundTimeline.SILENCE_LABEL, new Color(0x9A, 0xA5, 0xB1));
  private static final Color OTHER_LABEL_COLOUR = new Color(0x1E, 0x5A, 0xC8);

  private final WavSegmenter segmenter;

  /** Creates the skill with the segmenter's default threshold and minimum lengths. */
  public SoundTimelineSkill() {
    this(WavSegmenter.withDefaults());
  }

  /**
   * Creates the skill with a segmenter of the caller's settings.
   *
   * @param segmenter the segmenter that finds sound and silence
   */
  public SoundTimelineSkill(WavSegmenter segmenter) {
    this.segmenter = Objects.requireNonNull(segmenter, "segmenter");
  }

  @Override
  public Set<String> extensions() {
    return Set.of("wav");
  }

  @Override
  public SkillResult process(SkillsRequest request, FilesReader reader) throws IOException {
    reader.requireFormat("wav").requireMaxSize(MAX_FILE_BYTES);

    SoundTimeline timeline;
    try (InputStream wav = reader.openContent()) {
      timeline = segmenter.segment(wav);
    }

    TimelineCard.Builder card =
        TimelineCard.builder(request).title(TITLE).duration(timeline.durationSeconds());
    for (TimelineLabel label : timeline.labels()) {
      List<TimeRange> ranges = label.appears().stream().map(SoundTimelineSkill::range).toList();
      card.addEntry(
          label.text(),
          thumbnail(label.text()),
          ranges.get(0),
          ranges.subList(1, ranges.size()).toArray(TimeRange[]::new));
    }
    // An empty recording has no labels, so build() throws NoInfoFoundException.
    return new SkillResult(List.of(card.build()), Usage.seconds(timeline.durationSeconds()));
  }

  /**
   * Returns the image shown next to a timeline label: a 45 x 45 PNG data URI of a coloured square,
   * green for sound and grey for silence.
   *
   * @param label the entry's text
   * @return a {@code data:image/png;base64,} URI
   */
  public static String thumbnail(String label) {
    Color colour = LABEL_COLOURS.getOrDefault(label, OTHER_LABEL_COLOUR);
    return Thumbnails.toDataUri(square(colour));
  }

  private static TimeRange range(TimeSpan span) {
    return TimeRange.of(span.start(), span.end());
  }

  private static byte[] square(Color colour) {
    int size = Thumbnails.SIZE;
    BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
    Graphics2D graphics = image.createGraphics();
    try {
      graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      graphics.setColor(colour);
      graphics.fillRoundRect(2, 2, size - 4, size - 4, 10, 10);
    } finally {
      graphics.dispose();
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      // Writing to memory does no I/O.
      throw new UncheckedIOException(e);
    }
    return png.toByteArray();
  }
}
