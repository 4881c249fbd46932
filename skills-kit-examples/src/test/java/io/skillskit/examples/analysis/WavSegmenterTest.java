package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skillskit.examples.samples.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WavSegmenterTest {

  private static final double ONE_FRAME = 0.020;

  private final WavSegmenter segmenter = WavSegmenter.withDefaults();

  @Test
  void sampleTonesMatchKnownSpans() throws IOException {
    SoundTimeline timeline = segment(SampleFiles.tonesWav().content());

    assertThat(timeline.durationSeconds()).isEqualTo(SampleFiles.TONES_DURATION_SECONDS);
    assertSpansClose(timeline.sound(), SampleFiles.tonesWavSound());
    assertSpansClose(timeline.silence(), SampleFiles.tonesWavSilence());
  }

  @Test
  void sampleTonesGiveTwoTimelineLabels() throws IOException {
    SoundTimeline timeline = segment(SampleFiles.tonesWav().content());

    List<TimelineLabel> labels = timeline.labels();

    assertThat(labels).extracting(TimelineLabel::text).containsExactly("Sound", "Silence");
    assertThat(labels.get(0).appears()).isEqualTo(timeline.sound());
    assertThat(labels.get(1).appears()).isEqualTo(timeline.silence());
    assertThat(timeline.soundSeconds()).isCloseTo(4.0, within(2 * ONE_FRAME));
  }

  @Test
  void emptyDataChunkGivesEmptyTimeline() throws IOException {
    byte[] wav = TestWavs.header(TestWavs.PCM, 1, 16_000, 16, 0);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.durationSeconds()).isZero();
    assertThat(timeline.sound()).isEmpty();
    assertThat(timeline.silence()).isEmpty();
    assertThat(timeline.labels()).isEmpty();
  }

  @Test
  void digitalSilenceIsOneSilentSpan() throws IOException {
    byte[] wav = TestWavs.pcm(16_000, 1, 16, new double[32_000]);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.sound()).isEmpty();
    assertThat(timeline.silence()).containsExactly(new TimeSpan(0, 2));
    assertThat(timeline.labels()).extracting(TimelineLabel::text).containsExactly("Silence");
  }

  @Test
  void continuousToneIsOneSoundSpan() throws IOException {
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 3.0));

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 3));
    assertThat(timeline.silence()).isEmpty();
  }

  @Test
  void partialLastFrameCountsToTheExactEnd() throws IOException {
    // 1.01 s: 50 full frames of 20 ms and a last frame of 10 ms.
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 1.01));

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.durationSeconds()).isEqualTo(1.01);
    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 1.01));
  }

  @Test
  void oddByteAtEndOfDataIsIgnored() throws IOException {
    byte[] samples = TestWavs.encode(16, new double[][] {new double[1600]});
    byte[] data = Arrays.copyOf(samples, samples.length + 1);
    byte[] wav = TestWavs.concat(TestWavs.header(TestWavs.PCM, 1, 16_000, 16, data.length), data);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.durationSeconds()).isEqualTo(0.1);
  }

  @ParameterizedTest(name = "{0}-bit, {1} channel(s), {2} Hz")
  @CsvSource({
    "8, 1, 8000",
    "16, 1, 16000",
    "16, 2, 44100",
    "24, 2, 48000",
    "24, 1, 22050",
    "32, 2, 32000"
  })
  void readsCommonPcmLayouts(int bits, int channels, int sampleRate) throws IOException {
    double[] samples = TestWavs.pattern(sampleRate, 0.5, 0.5, 1.0, 1.5, 0.5);
    byte[] wav = TestWavs.pcm(sampleRate, channels, bits, samples);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.durationSeconds()).isCloseTo(3.5, within(0.001));
    assertSpansClose(timeline.sound(), List.of(new TimeSpan(0, 0.5), new TimeSpan(1.5, 3.0)));
    assertSpansClose(timeline.silence(), List.of(new TimeSpan(0.5, 1.5), new TimeSpan(3.0, 3.5)));
  }

  @Test
  void soundOnOneStereoChannelCountsAsSound() throws IOException {
    double[] left = TestWavs.pattern(16_000, 0.5, 1.0, 1.0);
    double[] right = new double[left.length];
    byte[] wav = TestWavs.pcm(16_000, 16, new double[][] {left, right});

    SoundTimeline timeline = segment(wav);

    assertSpansClose(timeline.sound(), List.of(new TimeSpan(0, 1)));
  }

  @Test
  void extensibleHeaderWithPcmIsRead() throws IOException {
    double[] samples = TestWavs.pattern(48_000, 0.5, 1.0, 0.5);
    byte[] data = TestWavs.encode(24, new double[][] {samples, samples});
    byte[] wav = TestWavs.extensible(TestWavs.PCM, 48_000, 2, 24, data);

    SoundTimeline timeline = segment(wav);

    assertSpansClose(timeline.sound(), List.of(new TimeSpan(0, 1)));
    assertSpansClose(timeline.silence(), List.of(new TimeSpan(1, 1.5)));
  }

  @Test
  void pauseShorterThanMinSilenceJoinsSounds() throws IOException {
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 1.0, 0.1, 1.0));

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 2.1));
    assertThat(timeline.silence()).isEmpty();
  }

  @Test
  void pauseOfMinSilenceSplitsSounds() throws IOException {
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 1.0, 0.3, 1.0));

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 1), new TimeSpan(1.3, 2.3));
    assertThat(timeline.silence()).containsExactly(new TimeSpan(1, 1.3));
  }

  @Test
  void clickShorterThanMinSoundCountsAsSilence() throws IOException {
    double[] samples = new double[32_000];
    double[] click = TestWavs.pattern(16_000, 0.9, 0.04);
    System.arraycopy(click, 0, samples, 16_000, click.length);
    byte[] wav = TestWavs.pcm(16_000, 1, 16, samples);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.sound()).isEmpty();
    assertThat(timeline.silence()).containsExactly(new TimeSpan(0, 2));
  }

  @Test
  void zeroMinimumsKeepEveryFrameDecision() throws IOException {
    WavSegmenter exact =
        WavSegmenter.builder().minSilence(Duration.ZERO).minSound(Duration.ZERO).build();
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 0.04, 0.04, 0.04));

    SoundTimeline timeline = exact.segment(new ByteArrayInputStream(wav));

    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 0.04), new TimeSpan(0.08, 0.12));
    assertThat(timeline.silence()).containsExactly(new TimeSpan(0.04, 0.08));
  }

  @Test
  void thresholdDecidesWhetherQuietToneIsSound() throws IOException {
    // A sine with peak 0.00447 has an RMS level of about -50 dBFS.
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.00447, 1.0));
    WavSegmenter sensitive = WavSegmenter.builder().thresholdDbfs(-60).build();

    SoundTimeline byDefault = segment(wav);
    SoundTimeline lowerThreshold = sensitive.segment(new ByteArrayInputStream(wav));

    assertThat(byDefault.sound()).isEmpty();
    assertThat(lowerThreshold.sound()).containsExactly(new TimeSpan(0, 1));
  }

  @Test
  void longerFramesGiveCoarserTimes() throws IOException {
    WavSegmenter coarse = WavSegmenter.builder().frameLength(Duration.ofMillis(50)).build();
    byte[] wav = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 1.02, 1.0));

    SoundTimeline timeline = coarse.segment(new ByteArrayInputStream(wav));

    assertThat(timeline.sound()).containsExactly(new TimeSpan(0, 1.05));
  }

  @Test
  void unknownDataSizeReadsToEndOfStream() throws IOException {
    byte[] data = TestWavs.encode(16, new double[][] {TestWavs.pattern(16_000, 0.5, 1.0, 1.0)});
    byte[] wav = TestWavs.concat(TestWavs.header(TestWavs.PCM, 1, 16_000, 16, 0xFFFFFFFFL), data);

    SoundTimeline timeline = segment(wav);

    assertThat(timeline.durationSeconds()).isEqualTo(2.0);
    assertSpansClose(timeline.sound(), List.of(new TimeSpan(0, 1)));
  }

  @Test
  void longRecordingIsReadAsStream() throws IOException {
    // 20 minutes at 8 kHz, 8-bit, made on the fly: 9.6 million bytes that never exist at once.
    int sampleRate = 8_000;
    long sampleFrames = 20L * 60 * sampleRate;
    byte[] header = TestWavs.header(TestWavs.PCM, 1, sampleRate, 8, sampleFrames);
    InputStream wav = new GeneratedWav(header, sampleFrames, sampleRate);

    SoundTimeline timeline = segmenter.segment(wav);

    assertThat(timeline.durationSeconds()).isEqualTo(1200.0);
    // Ten seconds of tone, then ten seconds of silence, repeated.
    assertThat(timeline.sound()).hasSize(60);
    assertThat(timeline.silence()).hasSize(60);
    assertThat(timeline.sound().get(59).start()).isCloseTo(1180, within(ONE_FRAME));
  }

  @Test
  void rejectsTextAsNotWav() {
    byte[] text = "Hello, this is not audio.".getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> segment(text))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage(
            "Not a WAV file: expected 'RIFF' and 'WAVE' in the first 12 bytes, found \"Hello, this"
                + " \". Supported: WAV files with uncompressed integer PCM with 8, 16, 24 or 32"
                + " bits per sample.");
  }

  @Test
  void rejectsMp3ShowingFirstBytes() {
    byte[] mp3 = {'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0x21, (byte) 0xFF, (byte) 0xFB};

    assertThatThrownBy(() -> segment(mp3))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageContaining("found \"ID3\\x04\\x00\\x00\\x00\\x00\\x00!\\xFF\\xFB\"");
  }

  @Test
  void rejectsUnsupportedSampleFile() {
    assertThatThrownBy(() -> segment(SampleFiles.unsupportedFile().content()))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith(
            "Not a WAV file: expected 'RIFF' and 'WAVE' in the first 12 bytes,");
  }

  @Test
  void rejectsEmptyInput() {
    assertThatThrownBy(() -> segment(new byte[0]))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage("The audio data is empty (0 bytes): expected a WAV file.");
  }

  @Test
  void rejectsFloatingPointWav() {
    byte[] wav =
        TestWavs.concat(TestWavs.header(TestWavs.IEEE_FLOAT, 1, 8000, 32, 400), new byte[400]);

    assertThatThrownBy(() -> segment(wav))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessage(
            "WAV audio encoded as IEEE floating point (format tag 0x0003, 32 bits per sample) is"
                + " not supported: expected uncompressed integer PCM with 8, 16, 24 or 32 bits per"
                + " sample. Convert the file, for example to 16-bit PCM.");
  }

  @Test
  void rejectsCompressedWavNamingTheEncoding() {
    byte[] adpcm =
        TestWavs.concat(TestWavs.header(TestWavs.IMA_ADPCM, 1, 8000, 4, 400), new byte[400]);
    byte[] alaw = TestWavs.concat(TestWavs.header(TestWavs.A_LAW, 1, 8000, 8, 400), new byte[400]);

    assertThatThrownBy(() -> segment(adpcm))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("WAV audio encoded as IMA ADPCM (format tag 0x0011, 4 bits");
    assertThatThrownBy(() -> segment(alaw))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("WAV audio encoded as A-law (format tag 0x0006, 8 bits");
  }

  @Test
  void rejectsExtensibleFloatWav() {
    byte[] wav = TestWavs.extensible(TestWavs.IEEE_FLOAT, 48_000, 2, 32, new byte[800]);

    assertThatThrownBy(() -> segment(wav))
        .isInstanceOf(UnsupportedFormatException.class)
        .hasMessageStartingWith("WAV audio encoded as IEEE floating point (format tag 0x0003");
  }

  @Test
  void rejectsTruncatedAudioData() {
    byte[] complete = TestWavs.pcm(16_000, 1, 16, TestWavs.pattern(16_000, 0.5, 2.0));
    byte[] truncated = Arrays.copyOf(complete, 44 + 16_000);

    assertThatThrownBy(() -> segment(truncated))
        .isInstanceOf(AnalysisException.class)
        .isNotInstanceOf(UnsupportedFormatException.class)
        .hasMessage(
            "The WAV file is truncated: its header announces 64000 bytes of audio (2.000 s) but"
                + " the data ends after 16000 bytes (0.500 s). Upload the complete file.");
  }

  @Test
  void rejectsTruncatedHeader() {
    byte[] complete = TestWavs.pcm(16_000, 1, 16, new double[100]);
    byte[] truncated = Arrays.copyOf(complete, 30);

    assertThatThrownBy(() -> segment(truncated))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "The WAV header is incomplete: no 'fmt ' chunk in the file's 30 bytes. The file is"
                + " truncated or damaged. Upload the complete file.");
  }

  @Test
  void rejectsHeaderWithoutDataChunk() {
    byte[] complete = TestWavs.pcm(16_000, 1, 16, new double[100]);
    byte[] truncated = Arrays.copyOf(complete, 36);

    assertThatThrownBy(() -> segment(truncated))
        .isInstanceOf(AnalysisException.class)
        .hasMessageStartingWith("The WAV header is incomplete: no 'data' chunk in the file's 36");
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    WavSegmenter.Builder builder = WavSegmenter.builder();

    assertThatThrownBy(() -> builder.thresholdDbfs(3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("thresholdDbfs is 3.0: expected a level from -120 to 0 dBFS.");
    assertThatThrownBy(() -> builder.thresholdDbfs(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.frameLength(Duration.ofMillis(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frameLength is 2 ms: expected 5 ms to 100 ms.");
    assertThatThrownBy(() -> builder.minSilence(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minSilence is -1 ms: expected zero or more.");
    assertThatThrownBy(() -> builder.minSound(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void toStringShowsSettings() {
    assertThat(segmenter)
        .hasToString(
            "WavSegmenter[threshold=-40.0 dBFS, frameLength=20 ms, minSilence=300 ms,"
                + " minSound=100 ms]");
  }

  private SoundTimeline segment(byte[] wav) throws IOException {
    return segmenter.segment(new ByteArrayInputStream(wav));
  }

  static void assertSpansClose(List<TimeSpan> actual, List<TimeSpan> expected) {
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      assertThat(actual.get(i).start())
          .as("start of span %d", i)
          .isCloseTo(expected.get(i).start(), within(ONE_FRAME));
      assertThat(actual.get(i).end())
          .as("end of span %d", i)
          .isCloseTo(expected.get(i).end(), within(ONE_FRAME));
    }
  }

  /** An 8-bit WAV made while it is read: ten seconds of 500 Hz tone, ten of silence, repeated. */
  private static final class GeneratedWav extends InputStream {
    private final byte[] header;
    private final long sampleFrames;
    private final int sampleRate;
    private long position;

    GeneratedWav(byte[] header, long sampleFrames, int sampleRate) {
      this.header = header;
      this.sampleFrames = sampleFrames;
      this.sampleRate = sampleRate;
    }

    @Override
    public int read() {
      if (position < header.length) {
        return header[(int) position++] & 0xFF;
      }
      long sample = position - header.length;
      if (sample >= sampleFrames) {
        return -1;
      }
      position++;
      boolean tone = (sample / (10L * sampleRate)) % 2 == 0;
      double value = tone ? 0.5 * Math.sin(2 * Math.PI * 500 * sample / sampleRate) : 0;
      return (int) Math.round(value * 127) + 128;
    }
  }
}
