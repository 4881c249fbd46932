package io.skillskit.examples.samples;

import io.skillskit.examples.analysis.TimeSpan;
import io.skillskit.examples.analysis.TranscriptLine;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * Deterministic sample files for the demo and the tests, each with the result an analyser should
 * find in it.
 *
 * <p>Every method makes the same bytes on every call, on any machine, except that the PNG encoder
 * of another JDK version may compress differently. The pixels are always the same.
 *
 * <table>
 *   <caption>The samples</caption>
 *   <tr><th>Method</th><th>File</th><th>Expected result</th></tr>
 *   <tr><td>{@link #tonesWav()}</td><td>{@value #TONES_WAV}</td>
 *       <td>{@link #tonesWavSound()}, {@link #tonesWavSilence()}</td></tr>
 *   <tr><td>{@link #colourBlocksPng()}</td><td>{@value #COLOUR_BLOCKS_PNG}</td>
 *       <td>{@link #colourBlocksShares()}</td></tr>
 *   <tr><td>{@link #meetingNotesText()}</td><td>{@value #MEETING_NOTES_TXT}</td>
 *       <td>{@link #meetingNotesTopTerms()}</td></tr>
 *   <tr><td>{@link #captionsVtt()}</td><td>{@value #CAPTIONS_VTT}</td>
 *       <td>{@link #captionLines()}</td></tr>
 *   <tr><td>{@link #captionsSrt()}</td><td>{@value #CAPTIONS_SRT}</td>
 *       <td>{@link #captionLines()}</td></tr>
 *   <tr><td>{@link #unsupportedFile()}</td><td>{@value #UNSUPPORTED_FILE}</td>
 *       <td>rejected by the WAV, image and caption readers</td></tr>
 * </table>
 */
public final class SampleFiles {

  /** File name of {@link #tonesWav()}. */
  public static final String TONES_WAV = "tones-and-pauses.wav";

  /** File name of {@link #colourBlocksPng()}. */
  public static final String COLOUR_BLOCKS_PNG = "colour-blocks.png";

  /** File name of {@link #meetingNotesText()}. */
  public static final String MEETING_NOTES_TXT = "meeting-notes.txt";

  /** File name of {@link #captionsVtt()}. */
  public static final String CAPTIONS_VTT = "weekly-sync.vtt";

  /** File name of {@link #captionsSrt()}. */
  public static final String CAPTIONS_SRT = "weekly-sync.srt";

  /** File name of {@link #unsupportedFile()}. */
  public static final String UNSUPPORTED_FILE = "sensor-readings.xyz";

  /** Sample rate of {@link #tonesWav()}, in hertz. */
  public static final int TONES_SAMPLE_RATE = 16_000;

  /** Length of {@link #tonesWav()}, in seconds. */
  public static final double TONES_DURATION_SECONDS = 5.5;

  /** Level of the background noise in the pauses of {@link #tonesWav()}, in dBFS. */
  public static final double TONES_NOISE_DBFS = -60;

  private static final int BLUE = 0x1E5AC8;
  private static final int ORANGE = 0xFF8C00;
  private static final int WHITE = 0xFFFFFF;

  private SampleFiles() {}

  /**
   * Returns all samples, in the order of the table in the class description.
   *
   * @return six sample files
   */
  public static List<SampleFile> all() {
    return List.of(
        tonesWav(),
        colourBlocksPng(),
        meetingNotesText(),
        captionsVtt(),
        captionsSrt(),
        unsupportedFile());
  }

  /**
   * Returns a 5.5 s WAV recording, 16-bit mono at 16 kHz. It has a 440 Hz tone for 1 s, 1 s of
   * quiet noise, a 660 Hz tone for 2 s, 0.5 s of quiet noise, and an 880 Hz tone for 1 s. The tones
   * are at half of full scale (about -9 dBFS RMS) with 5 ms fades, and the noise is about -60 dBFS.
   *
   * @return the WAV file
   */
  public static SampleFile tonesWav() {
    double[] samples = new double[(int) (TONES_DURATION_SECONDS * TONES_SAMPLE_RATE)];
    Random noise = new Random(5_500);
    double noiseAmplitude = Math.pow(10, TONES_NOISE_DBFS / 20);
    for (int i = 0; i < samples.length; i++) {
      samples[i] = noise.nextGaussian() * noiseAmplitude;
    }
    addTone(samples, 0.0, 1.0, 440);
    addTone(samples, 2.0, 4.0, 660);
    addTone(samples, 4.5, 5.5, 880);
    return new SampleFile(TONES_WAV, "audio/wav", pcm16MonoWav(samples, TONES_SAMPLE_RATE));
  }

  /**
   * Returns where {@link #tonesWav()} has sound: 0-1 s, 2-4 s and 4.5-5.5 s.
   *
   * @return the tone spans in time order
   */
  public static List<TimeSpan> tonesWavSound() {
    return List.of(new TimeSpan(0, 1), new TimeSpan(2, 4), new TimeSpan(4.5, 5.5));
  }

  /**
   * Returns where {@link #tonesWav()} is silent: 1-2 s and 4-4.5 s.
   *
   * @return the pause spans in time order
   */
  public static List<TimeSpan> tonesWavSilence() {
    return List.of(new TimeSpan(1, 2), new TimeSpan(4, 4.5));
  }

  /**
   * Returns a 200 x 100 PNG image in three vertical bands: blue {@code #1E5AC8} on the left 60%,
   * orange {@code #FF8C00} on the next 30%, white on the right 10%.
   *
   * @return the PNG file
   */
  public static SampleFile colourBlocksPng() {
    BufferedImage image = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
    Graphics2D graphics = image.createGraphics();
    try {
      fill(graphics, BLUE, 0, 120);
      fill(graphics, ORANGE, 120, 60);
      fill(graphics, WHITE, 180, 20);
    } finally {
      graphics.dispose();
    }
    return new SampleFile(COLOUR_BLOCKS_PNG, "image/png", png(image));
  }

  /**
   * Returns the colour names of {@link #colourBlocksPng()} with their share in percent, largest
   * first: blue 60, orange 30, white 10.
   *
   * @return colour names mapped to percentages, in order
   */
  public static Map<String, Double> colourBlocksShares() {
    Map<String, Double> shares = new LinkedHashMap<>();
    shares.put("blue", 60.0);
    shares.put("orange", 30.0);
    shares.put("white", 10.0);
    return shares;
  }

  /**
   * Returns meeting notes in English prose, UTF-8, whose most frequent terms are planted: see
   * {@link #meetingNotesTopTerms()}.
   *
   * @return the text file
   */
  public static SampleFile meetingNotesText() {
    return new SampleFile(
        MEETING_NOTES_TXT,
        "text/plain; charset=utf-8",
        MeetingNotes.TEXT.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the five most frequent terms of {@link #meetingNotesText()}, most frequent first:
   * budget (9), hiring (7), roadmap (6), customers (5) and support (4). Every other word that is
   * not a stop word occurs at most 3 times.
   *
   * @return the planted terms in order
   */
  public static List<String> meetingNotesTopTerms() {
    return List.of("budget", "hiring", "roadmap", "customers", "support");
  }

  /**
   * Returns a WebVTT caption file with a header, header metadata, a {@code NOTE} block, a {@code
   * STYLE} block, cue identifiers, cue settings, {@code mm:ss.mmm} and {@code hh:mm:ss.mmm}
   * timestamps, voice and italic tags, a character reference and multi-line cues. It parses to
   * {@link #captionLines()}.
   *
   * @return the WebVTT file
   */
  public static SampleFile captionsVtt() {
    String text =
        String.join(
            "\n",
            "WEBVTT - Weekly sync",
            "Kind: captions",
            "Language: en",
            "",
            "NOTE Generated for the Skills Kit demo.",
            "Times are in minutes and seconds.",
            "",
            "STYLE",
            "::cue(v[voice=\"Alex\"]) { color: yellow }",
            "",
            "intro",
            "00:00.000 --> 00:02.500 align:start position:10%",
            "<v Alex>Good morning, everyone.</v>",
            "",
            "budget-1",
            "00:02.500 --> 00:06.000",
            "<v Alex>Let's start with</v>",
            "<v Alex>the <i>budget</i> review.</v>",
            "",
            "00:00:06.000 --> 00:00:09.250 line:90%",
            "<v Sam>Hiring is on track",
            "for the second quarter.",
            "",
            "00:09.250 --> 00:12.000",
            "Questions &amp; comments go to the shared notes.",
            "");
    return new SampleFile(CAPTIONS_VTT, "text/vtt", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns an SRT caption file with a byte order mark, Windows line ends, cue numbers, italic
   * tags, a position code and multi-line cues. It parses to {@link #captionLines()}.
   *
   * @return the SRT file
   */
  public static SampleFile captionsSrt() {
    String text =
        "\uFEFF"
            + String.join(
                "\r\n",
                "1",
                "00:00:00,000 --> 00:00:02,500",
                "Good morning, everyone.",
                "",
                "2",
                "00:00:02,500 --> 00:00:06,000",
                "Let's start with",
                "the <i>budget</i> review.",
                "",
                "3",
                "00:00:06,000 --> 00:00:09,250",
                "{\\an8}Hiring is on track",
                "for the second quarter.",
                "",
                "4",
                "00:00:09,250 --> 00:00:12,000",
                "Questions & comments go to the shared notes.",
                "",
                "");
    return new SampleFile(
        CAPTIONS_SRT, "application/x-subrip", text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Returns the cues of {@link #captionsVtt()} and {@link #captionsSrt()} as transcript lines.
   *
   * @return four lines from 0 s to 12 s
   */
  public static List<TranscriptLine> captionLines() {
    return List.of(
        new TranscriptLine("Good morning, everyone.", 0, 2.5),
        new TranscriptLine("Let's start with the budget review.", 2.5, 6),
        new TranscriptLine("Hiring is on track for the second quarter.", 6, 9.25),
        new TranscriptLine("Questions & comments go to the shared notes.", 9.25, 12));
  }

  /**
   * Returns 512 bytes of a format no analyser reads, the same bytes on every call. They start with
   * the text {@code XYZ1} so that no image or audio reader takes them for its own format.
   *
   * @return the file
   */
  public static SampleFile unsupportedFile() {
    byte[] bytes = new byte[512];
    new Random(512).nextBytes(bytes);
    System.arraycopy("XYZ1".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 4);
    return new SampleFile(UNSUPPORTED_FILE, "application/octet-stream", bytes);
  }

  /**
   * Encodes samples from -1 to 1 as a 16-bit mono PCM WAV file.
   *
   * @param samples the samples, where values outside -1 to 1 are clipped
   * @param sampleRate samples per second
   * @return the bytes of the WAV file
   */
  static byte[] pcm16MonoWav(double[] samples, int sampleRate) {
    int dataSize = samples.length * 2;
    ByteBuffer wav = ByteBuffer.allocate(44 + dataSize).order(ByteOrder.LITTLE_ENDIAN);
    wav.put(ascii("RIFF")).putInt(36 + dataSize).put(ascii("WAVE"));
    wav.put(ascii("fmt ")).putInt(16);
    wav.putShort((short) 1); // PCM
    wav.putShort((short) 1); // channels
    wav.putInt(sampleRate);
    wav.putInt(sampleRate * 2); // bytes per second
    wav.putShort((short) 2); // bytes per sample frame
    wav.putShort((short) 16); // bits per sample
    wav.put(ascii("data")).putInt(dataSize);
    for (double sample : samples) {
      double clipped = Math.max(-1, Math.min(1, sample));
      wav.putShort((short) Math.round(clipped * Short.MAX_VALUE));
    }
    return wav.array();
  }

  /** Adds a sine tone at half of full scale, with 5 ms fades, from one second to another. */
  private static void addTone(double[] samples, double from, double to, double frequency) {
    int first = (int) Math.round(from * TONES_SAMPLE_RATE);
    int end = (int) Math.round(to * TONES_SAMPLE_RATE);
    int fade = TONES_SAMPLE_RATE / 200;
    for (int i = first; i < end; i++) {
      double envelope = Math.min(1.0, Math.min(i - first + 1, end - i) / (double) fade);
      // The tone replaces the noise, so the pauses keep their noise level exactly.
      samples[i] =
          0.5 * envelope * Math.sin(2 * Math.PI * frequency * (i - first) / TONES_SAMPLE_RATE);
    }
  }

  private static void fill(Graphics2D graphics, int rgb, int x, int width) {
    graphics.setColor(new Color(rgb));
    graphics.fillRect(x, 0, width, 100);
  }

  private static byte[] png(BufferedImage image) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, "png", out)) {
        throw new IllegalStateException("This JDK has no PNG writer.");
      }
    } catch (IOException e) {
      // Writing to a byte array does not fail.
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
