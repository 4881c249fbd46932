package io.skillskit.examples.analysis;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/**
 * Splits a WAV recording into spans of sound and silence by the energy of short frames.
 *
 * <p>The segmenter reads the audio one buffer at a time, so memory use does not grow with the
 * length of the recording. Only the list of spans does. It decides in these steps:
 *
 * <ol>
 *   <li>The samples are cut into frames of {@link Builder#frameLength(Duration) frameLength} (20 ms
 *       by default). The last frame of a recording may be shorter.
 *   <li>A frame's level is its RMS over all channels in dBFS, where 0 dBFS is a full-scale square
 *       wave and a full-scale sine wave is about -3 dBFS.
 *   <li>A frame at or above {@link Builder#thresholdDbfs(double) thresholdDbfs} (-40 dBFS by
 *       default) is sound, a quieter frame is silence.
 *   <li>A silence shorter than {@link Builder#minSilence(Duration) minSilence} (300 ms by default)
 *       between two sounds counts as sound, so short pauses do not split a segment.
 *   <li>Then a sound shorter than {@link Builder#minSound(Duration) minSound} (100 ms by default),
 *       such as a click, counts as silence.
 * </ol>
 *
 * <p>Supported input: WAV files with uncompressed integer PCM of 8, 16, 24 or 32 bits per sample,
 * any sample rate and any number of channels, including the {@code WAVE_FORMAT_EXTENSIBLE} header
 * variant. Compressed or floating-point WAV files are rejected with an {@link
 * UnsupportedFormatException} that names the encoding found.
 *
 * <pre>{@code
 * SoundTimeline timeline;
 * try (InputStream in = Files.newInputStream(path)) {
 *   timeline = WavSegmenter.withDefaults().segment(in);
 * }
 * for (TimeSpan span : timeline.sound()) {
 *   System.out.println("sound from " + span.start() + " s to " + span.end() + " s");
 * }
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class WavSegmenter {

  /** Default level in dBFS at or above which a frame counts as sound. */
  public static final double DEFAULT_THRESHOLD_DBFS = -40.0;

  /** Default length of the frames whose energy is measured. */
  public static final Duration DEFAULT_FRAME_LENGTH = Duration.ofMillis(20);

  /** Default shortest silence that separates two sounds. Shorter pauses count as sound. */
  public static final Duration DEFAULT_MIN_SILENCE = Duration.ofMillis(300);

  /** Default shortest sound that is kept. Shorter sounds count as silence. */
  public static final Duration DEFAULT_MIN_SOUND = Duration.ofMillis(100);

  /**
   * Bytes looked at before decoding, to name the format of files Java Sound cannot read. WAV files
   * put their format chunk near the start, well within this window.
   */
  private static final int HEADER_PEEK_BYTES = 64 * 1024;

  private static final int PCM_FORMAT_TAG = 1;
  private static final int EXTENSIBLE_FORMAT_TAG = 0xFFFE;
  private static final long UNKNOWN_DATA_SIZE = 0xFFFFFFFFL;

  private static final Map<Integer, String> FORMAT_TAG_NAMES =
      Map.of(
          2, "Microsoft ADPCM",
          3, "IEEE floating point",
          6, "A-law",
          7, "mu-law",
          0x11, "IMA ADPCM",
          0x31, "GSM 6.10",
          0x50, "MPEG audio",
          0x55, "MPEG Layer 3 (MP3)");

  private static final String SUPPORTED =
      "uncompressed integer PCM with 8, 16, 24 or 32 bits per sample";

  private final double thresholdDbfs;
  private final Duration frameLength;
  private final Duration minSilence;
  private final Duration minSound;

  private WavSegmenter(Builder builder) {
    this.thresholdDbfs = builder.thresholdDbfs;
    this.frameLength = builder.frameLength;
    this.minSilence = builder.minSilence;
    this.minSound = builder.minSound;
  }

  /**
   * Returns a segmenter with the default threshold, frame length, minimum silence and minimum
   * sound.
   *
   * @return a segmenter with default settings
   */
  public static WavSegmenter withDefaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a WAV recording and returns its spans of sound and silence.
   *
   * <p>The stream is read to the end of the audio data but not closed.
   *
   * @param wav the bytes of a WAV file, from its first byte
   * @return the recording's duration and its sound and silence spans
   * @throws UnsupportedFormatException if the data is empty, not a WAV file, or a WAV file whose
   *     encoding is not supported
   * @throws AnalysisException if the WAV header is incomplete or the audio data ends before the
   *     length its header states
   * @throws IOException if reading the stream fails
   */
  public SoundTimeline segment(InputStream wav) throws IOException {
    Objects.requireNonNull(wav, "wav");
    BufferedInputStream in = new BufferedInputStream(wav, HEADER_PEEK_BYTES);
    RiffHeader header = RiffHeader.peek(in);
    AudioInputStream audio = open(in);
    requireIntegerPcm(audio.getFormat());
    return measure(audio, header);
  }

  private static AudioInputStream open(BufferedInputStream in) throws IOException {
    try {
      return AudioSystem.getAudioInputStream(in);
    } catch (UnsupportedAudioFileException e) {
      throw new AnalysisException(
          "Java Sound could not read the WAV header although it names PCM audio ("
              + e.getMessage()
              + "). Convert the file to "
              + SUPPORTED
              + ".",
          e);
    }
  }

  private static void requireIntegerPcm(AudioFormat format) {
    AudioFormat.Encoding encoding = format.getEncoding();
    boolean integerPcm =
        AudioFormat.Encoding.PCM_SIGNED.equals(encoding)
            || AudioFormat.Encoding.PCM_UNSIGNED.equals(encoding);
    int bits = format.getSampleSizeInBits();
    if (!integerPcm || (bits != 8 && bits != 16 && bits != 24 && bits != 32)) {
      throw new UnsupportedFormatException(
          "WAV audio encoded as "
              + encoding
              + " with "
              + bits
              + " bits per sample is not supported: expected "
              + SUPPORTED
              + ". Convert the file, for example to 16-bit PCM.");
    }
  }

  private SoundTimeline measure(AudioInputStream audio, RiffHeader header) throws IOException {
    AudioFormat format = audio.getFormat();
    int channels = format.getChannels();
    int bytesPerSample = format.getSampleSizeInBits() / 8;
    int bytesPerSampleFrame = format.getFrameSize();
    boolean bigEndian = format.isBigEndian();
    boolean signed = AudioFormat.Encoding.PCM_SIGNED.equals(format.getEncoding());
    double sampleRate = format.getSampleRate();

    long sampleFramesPerFrame = Math.max(1, Math.round(sampleRate * seconds(frameLength)));
    double frameSeconds = sampleFramesPerFrame / sampleRate;
    SpanBuilder spans =
        new SpanBuilder(
            framesCovering(seconds(minSilence), frameSeconds),
            framesCovering(seconds(minSound), frameSeconds));
    // Comparing mean squares avoids a logarithm per frame: level >= threshold in dB is the same
    // as meanSquare >= 10^(threshold / 10).
    double meanSquareThreshold = Math.pow(10, thresholdDbfs / 10);

    byte[] buffer = new byte[bytesPerSampleFrame * 4096];
    long totalSampleFrames = 0;
    long sampleFramesInFrame = 0;
    double sumOfSquares = 0;
    int read;
    // AudioInputStream returns whole sample frames only.
    while ((read = audio.read(buffer)) != -1) {
      int sampleFrames = read / bytesPerSampleFrame;
      for (int i = 0; i < sampleFrames; i++) {
        int offset = i * bytesPerSampleFrame;
        for (int channel = 0; channel < channels; channel++) {
          double sample =
              sampleAt(
                  buffer, offset + channel * bytesPerSample, bytesPerSample, bigEndian, signed);
          sumOfSquares += sample * sample;
        }
        sampleFramesInFrame++;
        if (sampleFramesInFrame == sampleFramesPerFrame) {
          spans.add(sumOfSquares / (sampleFramesInFrame * channels) >= meanSquareThreshold);
          sampleFramesInFrame = 0;
          sumOfSquares = 0;
        }
      }
      totalSampleFrames += sampleFrames;
    }
    if (sampleFramesInFrame > 0) {
      spans.add(sumOfSquares / (sampleFramesInFrame * channels) >= meanSquareThreshold);
    }

    requireComplete(header, totalSampleFrames, bytesPerSampleFrame, sampleRate);
    return spans.finish(sampleFramesPerFrame, totalSampleFrames, sampleRate);
  }

  /** Returns one sample scaled to [-1, 1), where 0 is the midpoint of the integer range. */
  private static double sampleAt(
      byte[] buffer, int offset, int bytesPerSample, boolean bigEndian, boolean signed) {
    long value = 0;
    for (int i = 0; i < bytesPerSample; i++) {
      int index = bigEndian ? offset + i : offset + bytesPerSample - 1 - i;
      value = (value << 8) | (buffer[index] & 0xFF);
    }
    int bits = bytesPerSample * 8;
    long half = 1L << (bits - 1);
    if (signed) {
      value = value >= half ? value - 2 * half : value;
    } else {
      value -= half;
    }
    return value / (double) half;
  }

  private static void requireComplete(
      RiffHeader header, long sampleFramesRead, int bytesPerSampleFrame, double sampleRate) {
    if (header.dataSize() < 0 || header.dataSize() == UNKNOWN_DATA_SIZE) {
      return;
    }
    // A partial sample frame at the end of the data chunk is ignored, not an error.
    long expectedSampleFrames = header.dataSize() / bytesPerSampleFrame;
    if (sampleFramesRead < expectedSampleFrames) {
      throw new AnalysisException(
          String.format(
              Locale.ROOT,
              "The WAV file is truncated: its header announces %d bytes of audio (%.3f s) but the"
                  + " data ends after %d bytes (%.3f s). Upload the complete file.",
              header.dataSize(),
              expectedSampleFrames / sampleRate,
              sampleFramesRead * bytesPerSampleFrame,
              sampleFramesRead / sampleRate));
    }
  }

  /** Returns how many frames it takes to cover a duration, ignoring floating-point noise. */
  private static long framesCovering(double durationSeconds, double frameSeconds) {
    return (long) Math.ceil(durationSeconds / frameSeconds - 1e-9);
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  @Override
  public String toString() {
    return String.format(
        Locale.ROOT,
        "WavSegmenter[threshold=%s dBFS, frameLength=%d ms, minSilence=%d ms, minSound=%d ms]",
        thresholdDbfs,
        frameLength.toMillis(),
        minSilence.toMillis(),
        minSound.toMillis());
  }

  /** Settings for a {@link WavSegmenter}; every setting starts at its documented default. */
  public static final class Builder {

    private double thresholdDbfs = DEFAULT_THRESHOLD_DBFS;
    private Duration frameLength = DEFAULT_FRAME_LENGTH;
    private Duration minSilence = DEFAULT_MIN_SILENCE;
    private Duration minSound = DEFAULT_MIN_SOUND;

    private Builder() {}

    /**
     * Sets the level at or above which a frame counts as sound.
     *
     * @param thresholdDbfs the level in dBFS, between -120 and 0; -40 by default
     * @return this builder
     * @throws IllegalArgumentException if the level is outside that range
     */
    public Builder thresholdDbfs(double thresholdDbfs) {
      if (!(thresholdDbfs >= -120 && thresholdDbfs <= 0)) {
        throw new IllegalArgumentException(
            "thresholdDbfs is " + thresholdDbfs + ": expected a level from -120 to 0 dBFS.");
      }
      this.thresholdDbfs = thresholdDbfs;
      return this;
    }

    /**
     * Sets the length of the frames whose energy is measured. Times in the result are multiples of
     * this length, except the end of the recording.
     *
     * @param frameLength from 5 ms to 100 ms; 20 ms by default
     * @return this builder
     * @throws IllegalArgumentException if the length is outside that range
     */
    public Builder frameLength(Duration frameLength) {
      Objects.requireNonNull(frameLength, "frameLength");
      if (frameLength.toMillis() < 5 || frameLength.compareTo(Duration.ofMillis(100)) > 0) {
        throw new IllegalArgumentException(
            "frameLength is " + frameLength.toMillis() + " ms: expected 5 ms to 100 ms.");
      }
      this.frameLength = frameLength;
      return this;
    }

    /**
     * Sets the shortest silence that separates two sounds. A shorter pause between two sounds
     * counts as sound. Silence at the start or end of the recording is kept at any length.
     *
     * @param minSilence zero or more; 300 ms by default
     * @return this builder
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder minSilence(Duration minSilence) {
      this.minSilence = requireNotNegative(minSilence, "minSilence");
      return this;
    }

    /**
     * Sets the shortest sound that is kept. A shorter sound, after short silences have been
     * bridged, counts as silence.
     *
     * @param minSound zero or more; 100 ms by default
     * @return this builder
     * @throws IllegalArgumentException if the duration is negative
     */
    public Builder minSound(Duration minSound) {
      this.minSound = requireNotNegative(minSound, "minSound");
      return this;
    }

    /**
     * Creates the segmenter.
     *
     * @return a segmenter with these settings
     */
    public WavSegmenter build() {
      return new WavSegmenter(this);
    }

    private static Duration requireNotNegative(Duration duration, String name) {
      Objects.requireNonNull(duration, name);
      if (duration.isNegative()) {
        throw new IllegalArgumentException(
            name + " is " + duration.toMillis() + " ms: expected zero or more.");
      }
      return duration;
    }
  }

  /**
   * Turns the per-frame decisions into merged spans while the audio streams past. It keeps one raw
   * run, at most one pending sound and the pause after it, and the finished spans, so its memory
   * grows with the number of spans, not with the number of frames.
   */
  private static final class SpanBuilder {

    private record Run(boolean sound, long start, long end) {
      long length() {
        return end - start;
      }
    }

    private final long minSilenceFrames;
    private final long minSoundFrames;
    private final List<Run> finished = new ArrayList<>();
    private long frameCount;
    private Run raw;
    private Run pendingSound;
    private Run pendingPause;

    SpanBuilder(long minSilenceFrames, long minSoundFrames) {
      this.minSilenceFrames = minSilenceFrames;
      this.minSoundFrames = minSoundFrames;
    }

    void add(boolean sound) {
      if (raw != null && raw.sound() == sound) {
        raw = new Run(sound, raw.start(), frameCount + 1);
      } else {
        if (raw != null) {
          bridgeShortPauses(raw);
        }
        raw = new Run(sound, frameCount, frameCount + 1);
      }
      frameCount++;
    }

    /** Step 1: a pause shorter than the minimum silence between two sounds joins them. */
    private void bridgeShortPauses(Run run) {
      if (!run.sound()) {
        if (pendingSound == null) {
          dropShortSounds(run);
        } else {
          pendingPause = run;
        }
        return;
      }
      if (pendingSound != null
          && pendingPause != null
          && pendingPause.length() < minSilenceFrames) {
        pendingSound = new Run(true, pendingSound.start(), run.end());
        pendingPause = null;
        return;
      }
      flushPending();
      pendingSound = run;
    }

    private void flushPending() {
      if (pendingSound != null) {
        dropShortSounds(pendingSound);
      }
      if (pendingPause != null) {
        dropShortSounds(pendingPause);
      }
      pendingSound = null;
      pendingPause = null;
    }

    /**
     * Step 2: a sound shorter than the minimum sound becomes silence, and equal neighbours merge.
     */
    private void dropShortSounds(Run run) {
      boolean sound = run.sound() && run.length() >= minSoundFrames;
      Run last = finished.isEmpty() ? null : finished.get(finished.size() - 1);
      if (last != null && last.sound() == sound) {
        finished.set(finished.size() - 1, new Run(sound, last.start(), run.end()));
      } else {
        finished.add(new Run(sound, run.start(), run.end()));
      }
    }

    SoundTimeline finish(long sampleFramesPerFrame, long totalSampleFrames, double sampleRate) {
      if (raw != null) {
        bridgeShortPauses(raw);
        raw = null;
      }
      flushPending();

      List<TimeSpan> sound = new ArrayList<>();
      List<TimeSpan> silence = new ArrayList<>();
      for (Run run : finished) {
        double start = toSeconds(run.start() * sampleFramesPerFrame, totalSampleFrames, sampleRate);
        double end = toSeconds(run.end() * sampleFramesPerFrame, totalSampleFrames, sampleRate);
        (run.sound() ? sound : silence).add(new TimeSpan(start, end));
      }
      return new SoundTimeline(
          toSeconds(totalSampleFrames, totalSampleFrames, sampleRate), sound, silence);
    }

    /** Converts a sample frame position to seconds, rounded to the millisecond. */
    private static double toSeconds(long sampleFrame, long totalSampleFrames, double sampleRate) {
      long clamped = Math.min(sampleFrame, totalSampleFrames);
      return Math.round(clamped * 1000.0 / sampleRate) / 1000.0;
    }
  }

  /**
   * The fields of a RIFF/WAVE header that matter for error messages and the truncation check, read
   * from the first bytes of the stream before Java Sound decodes it.
   *
   * @param formatTag the WAVE format tag, or the sub-format of an extensible header; -1 if the
   *     format chunk was not within the first bytes
   * @param bitsPerSample bits per sample from the format chunk
   * @param dataSize the size the data chunk announces; -1 if the data chunk was not within the
   *     first bytes
   */
  private record RiffHeader(int formatTag, int bitsPerSample, long dataSize) {

    static RiffHeader peek(BufferedInputStream in) throws IOException {
      in.mark(HEADER_PEEK_BYTES);
      byte[] head = in.readNBytes(HEADER_PEEK_BYTES);
      in.reset();

      if (head.length == 0) {
        throw new UnsupportedFormatException(
            "The audio data is empty (0 bytes): expected a WAV file.");
      }
      if (head.length < 12 || !hasText(head, 0, "RIFF") || !hasText(head, 8, "WAVE")) {
        throw new UnsupportedFormatException(
            "Not a WAV file: expected 'RIFF' and 'WAVE' in the first 12 bytes, found \""
                + printable(head, 12)
                + "\". Supported: WAV files with "
                + SUPPORTED
                + ".");
      }

      RiffHeader header = scanChunks(head);
      boolean wholeFileSeen = head.length < HEADER_PEEK_BYTES;
      if (wholeFileSeen && (header.formatTag() < 0 || header.dataSize() < 0)) {
        throw new AnalysisException(
            "The WAV header is incomplete: no "
                + (header.formatTag() < 0 ? "'fmt '" : "'data'")
                + " chunk in the file's "
                + head.length
                + " bytes. The file is truncated or damaged. Upload the complete file.");
      }
      if (header.formatTag() >= 0 && header.formatTag() != PCM_FORMAT_TAG) {
        String name = FORMAT_TAG_NAMES.getOrDefault(header.formatTag(), "an unknown encoding");
        throw new UnsupportedFormatException(
            String.format(
                Locale.ROOT,
                "WAV audio encoded as %s (format tag 0x%04X, %d bits per sample) is not supported:"
                    + " expected %s. Convert the file, for example to 16-bit PCM.",
                name,
                header.formatTag(),
                header.bitsPerSample(),
                SUPPORTED));
      }
      return header;
    }

    private static RiffHeader scanChunks(byte[] head) {
      int formatTag = -1;
      int bitsPerSample = 0;
      long position = 12;
      while (position + 8 <= head.length) {
        int chunk = (int) position;
        long size = readUnsigned(head, chunk + 4, 4);
        int body = chunk + 8;
        if (hasText(head, chunk, "data")) {
          return new RiffHeader(formatTag, bitsPerSample, size);
        }
        if (hasText(head, chunk, "fmt ") && body + 16 <= head.length) {
          formatTag = (int) readUnsigned(head, body, 2);
          bitsPerSample = (int) readUnsigned(head, body + 14, 2);
          // An extensible header names the real encoding in the first two bytes of its
          // sub-format GUID, 24 bytes into the chunk.
          if (formatTag == EXTENSIBLE_FORMAT_TAG && size >= 26 && body + 26 <= head.length) {
            formatTag = (int) readUnsigned(head, body + 24, 2);
          }
        }
        // Chunks are padded to an even length.
        position = body + size + (size & 1);
      }
      return new RiffHeader(formatTag, bitsPerSample, -1);
    }

    private static boolean hasText(byte[] bytes, int offset, String text) {
      return offset + text.length() <= bytes.length
          && new String(bytes, offset, text.length(), StandardCharsets.ISO_8859_1).equals(text);
    }

    private static long readUnsigned(byte[] bytes, int offset, int length) {
      long value = 0;
      for (int i = length - 1; i >= 0; i--) {
        value = (value << 8) | (bytes[offset + i] & 0xFF);
      }
      return value;
    }

    /** Shows bytes as ASCII where printable and as {@code \xNN} escapes elsewhere. */
    private static String printable(byte[] bytes, int max) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < Math.min(bytes.length, max); i++) {
        int value = bytes[i] & 0xFF;
        if (value >= 0x20 && value < 0x7F && value != '"' && value != '\\') {
          text.append((char) value);
        } else {
          text.append(String.format(Locale.ROOT, "\\x%02X", value));
        }
      }
      return text.toString();
    }
  }
}
