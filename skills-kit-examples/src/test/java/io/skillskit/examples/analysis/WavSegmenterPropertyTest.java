package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

class WavSegmenterPropertyTest {

  @Property(tries = 150)
  void spansAreOrderedContiguousAndCoverTheRecording(
      @ForAll @Size(max = 8) List<@DoubleRange(min = 0, max = 1.5) Double> partSeconds,
      @ForAll @IntRange(min = 0, max = 2) int rateIndex,
      @ForAll @IntRange(min = 5, max = 60) int frameMillis,
      @ForAll @DoubleRange(min = 0.0001, max = 1) @Scale(4) double amplitude)
      throws IOException {
    int sampleRate = new int[] {8_000, 16_000, 44_100}[rateIndex];
    double[] parts = partSeconds.stream().mapToDouble(Double::doubleValue).toArray();
    byte[] wav = TestWavs.pcm(sampleRate, 1, 16, TestWavs.pattern(sampleRate, amplitude, parts));
    WavSegmenter segmenter =
        WavSegmenter.builder().frameLength(Duration.ofMillis(frameMillis)).build();

    SoundTimeline timeline = segmenter.segment(new ByteArrayInputStream(wav));

    List<TimeSpan> all = new ArrayList<>();
    all.addAll(timeline.sound());
    all.addAll(timeline.silence());
    all.sort((a, b) -> Double.compare(a.start(), b.start()));
    double expectedStart = 0;
    for (TimeSpan span : all) {
      assertThat(span.start()).isEqualTo(expectedStart);
      assertThat(span.end()).isGreaterThan(span.start());
      expectedStart = span.end();
    }
    assertThat(expectedStart).isEqualTo(timeline.durationSeconds());
    assertOrdered(timeline.sound());
    assertOrdered(timeline.silence());
  }

  private static void assertOrdered(List<TimeSpan> spans) {
    for (int i = 1; i < spans.size(); i++) {
      // Two spans of the same kind are never adjacent: the other kind lies between them.
      assertThat(spans.get(i).start()).isGreaterThan(spans.get(i - 1).end());
    }
  }
}
