package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.samples.SampleFiles;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CaptionsTest {

  @Test
  void sampleWebVttParsesToKnownCues() throws IOException {
    Transcript transcript = parseSample(SampleFiles.captionsVtt());

    assertThat(transcript.lines()).containsExactlyElementsOf(SampleFiles.captionLines());
    assertThat(transcript.durationSeconds()).isEqualTo(12.0);
  }

  @Test
  void sampleSrtParsesToKnownCues() throws IOException {
    Transcript transcript = parseSample(SampleFiles.captionsSrt());

    assertThat(transcript.lines()).containsExactlyElementsOf(SampleFiles.captionLines());
    assertThat(transcript.durationSeconds()).isEqualTo(12.0);
  }

  @Test
  void detectsFormatFromContent() {
    String vtt = new String(SampleFiles.captionsVtt().content(), StandardCharsets.UTF_8);
    String srt = new String(SampleFiles.captionsSrt().content(), StandardCharsets.UTF_8);

    assertThat(CaptionFormat.detect("", vtt)).isEqualTo(CaptionFormat.WEBVTT);
    assertThat(CaptionFormat.detect("captions.srt", vtt)).isEqualTo(CaptionFormat.WEBVTT);
    assertThat(CaptionFormat.detect("", srt)).isEqualTo(CaptionFormat.SRT);
    assertThat(CaptionFormat.detect("CAPTIONS.VTT", "1\n")).isEqualTo(CaptionFormat.WEBVTT);
    assertThat(Captions.parse(vtt).lines()).hasSize(4);
    assertThat(Captions.parse(srt).lines()).hasSize(4);
  }

  @Test
  void vttFileWithoutHeaderIsRejected() {
    byte[] content = "00:01.000 --> 00:02.000\nHello\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Captions.parse(new ByteArrayInputStream(content), "talk.vtt"))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 1: expected the header 'WEBVTT' on the first line, found"
                + " '00:01.000 --> 00:02.000'.");
  }

  @Test
  void vttHeaderAfterBlankLinesIsRejected() {
    String vtt = "\n\nWEBVTT\n\n00:01.000 --> 00:02.000\nHello\n";

    assertThatThrownBy(() -> Captions.parse(vtt, CaptionFormat.WEBVTT))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 3: the 'WEBVTT' header follows blank lines: expected it on the first line.");
  }

  @Test
  void detectsFormatFromStreamDeliveredInPieces() throws IOException {
    byte[] vtt = SampleFiles.captionsVtt().content();
    InputStream trickle =
        new FilterInputStream(new ByteArrayInputStream(vtt)) {
          @Override
          public int read(byte[] buffer, int offset, int length) throws IOException {
            return super.read(buffer, offset, Math.min(length, 2));
          }

          @Override
          public int available() {
            return 0;
          }
        };

    Transcript transcript = Captions.parse(trickle, "");

    assertThat(transcript.lines()).containsExactlyElementsOf(SampleFiles.captionLines());
  }

  @Test
  void readsHoursMinutesAndFractions() {
    String vtt =
        "WEBVTT\n\n"
            + "01:02:03.456 --> 01:02:04.000\nLong recording\n\n"
            + "100:00:00.000 --> 100:00:01.5\nVery long recording\n";

    Transcript transcript = Captions.parse(vtt);

    assertThat(transcript.lines())
        .containsExactly(
            new TranscriptLine("Long recording", 3723.456, 3724.0),
            new TranscriptLine("Very long recording", 360_000.0, 360_001.5));
  }

  @Test
  void acceptsEitherDecimalSeparator() {
    String srt = "1\n00:00:01.000 --> 00:00:02,250\nMixed separators\n";

    Transcript transcript = Captions.parse(srt, CaptionFormat.SRT);

    assertThat(transcript.lines()).containsExactly(new TranscriptLine("Mixed separators", 1, 2.25));
  }

  @Test
  void malformedTimingNamesLineAndText() {
    String srt =
        "1\n00:00:01,000 --> 00:00:02,000\nFirst\n\n2\n00:00:03,000 -> 00:00:04,000\nSecond\n";

    assertThatThrownBy(() -> Captions.parse(srt))
        .isInstanceOfSatisfying(
            CaptionSyntaxException.class, e -> assertThat(e.lineNumber()).isEqualTo(6))
        .hasMessage(
            "Line 6: expected a timing line such as '00:00:01,000 --> 00:00:04,000' after cue"
                + " number '2', found '00:00:03,000 -> 00:00:04,000'.");
  }

  @Test
  void invalidTimestampNamesLineAndText() {
    String vtt = "WEBVTT\n\n00:01.000 --> 00:61.000\nBad seconds\n";

    assertThatThrownBy(() -> Captions.parse(vtt))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 3: invalid cue timing '00:01.000 --> 00:61.000': '00:61.000' is not a"
                + " timestamp; expected a line such as '00:00:01.000 --> 00:00:04.000'.");
  }

  @Test
  void endBeforeStartIsRejected() {
    String srt = "1\n00:00:05,000 --> 00:00:04,000\nBackwards\n";

    assertThatThrownBy(() -> Captions.parse(srt))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 2: invalid cue timing '00:00:05,000 --> 00:00:04,000': the end is before the"
                + " start.");
  }

  @Test
  void textWhereCueNumberBelongsIsRejected() {
    String srt = "Hello there\nGeneral text\n";

    assertThatThrownBy(() -> Captions.parse(srt))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 1: expected a cue number or a timing line such as"
                + " '00:00:01,000 --> 00:00:04,000', found 'Hello there'.");
  }

  @Test
  void cueIdentifierWithoutTimingIsRejected() {
    String vtt = "WEBVTT\n\nintro\n\n00:01.000 --> 00:02.000\nHello\n";

    assertThatThrownBy(() -> Captions.parse(vtt))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage("Line 3: cue identifier 'intro' is not followed by a timing line.");
  }

  @Test
  void longLinesAreShortenedInMessages() {
    String vtt = "WEBVTT\n\n" + "x".repeat(200) + "\nnot a timing\n";

    assertThatThrownBy(() -> Captions.parse(vtt))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage(
            "Line 4: expected a timing line such as '00:00:01.000 --> 00:00:04.000' after cue"
                + " identifier '"
                + "x".repeat(80)
                + "...', found 'not a timing'.");
  }

  @Test
  void srtCuesWithoutBlankLinesSplit() {
    String srt =
        "1\n00:00:01,000 --> 00:00:02,000\nFirst\n2\n00:00:02,000 --> 00:00:03,000\nSecond\n";

    Transcript transcript = Captions.parse(srt);

    assertThat(transcript.lines())
        .containsExactly(new TranscriptLine("First", 1, 2), new TranscriptLine("Second", 2, 3));
  }

  @Test
  void removesTagsAndDecodesReferences() {
    String vtt =
        "WEBVTT\n\n"
            + "00:01.000 --> 00:02.000\n"
            + "<v.loud Alex Smith><c.yellow>Use</c> &lt;b&gt; for <b>bold</b>"
            + " <00:01.500>&#233;t&#xE9; &nbsp;&unknown; </v>\n";

    Transcript transcript = Captions.parse(vtt);

    assertThat(transcript.texts()).containsExactly("Use <b> for bold été &unknown;");
  }

  @Test
  void cueWithOnlyTagsIsLeftOut() {
    String vtt = "WEBVTT\n\n00:01.000 --> 00:02.000\n<i></i>\n\n00:02.000 --> 00:03.000\nKept\n";

    Transcript transcript = Captions.parse(vtt);

    assertThat(transcript.lines()).containsExactly(new TranscriptLine("Kept", 2, 3));
  }

  @Test
  void acceptsOldMacLineEnds() {
    String srt = "1\r00:00:01,000 --> 00:00:02,000\rCarriage\rreturns\r\r";

    Transcript transcript = Captions.parse(srt);

    assertThat(transcript.lines()).containsExactly(new TranscriptLine("Carriage returns", 1, 2));
  }

  @Test
  void cueInsideVttHeaderBlockIsKept() {
    String vtt = "WEBVTT\n00:01.000 --> 00:02.000\nNo blank line after the header\n";

    Transcript transcript = Captions.parse(vtt);

    assertThat(transcript.texts()).containsExactly("No blank line after the header");
  }

  @Test
  void emptySrtHasNoLines() {
    Transcript transcript = Captions.parse("\uFEFF\r\n\r\n", CaptionFormat.SRT);

    assertThat(transcript.lines()).isEmpty();
    assertThat(transcript.durationSeconds()).isZero();
  }

  @Test
  void emptyVttIsRejected() {
    assertThatThrownBy(() -> Captions.parse("", CaptionFormat.WEBVTT))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessage("Line 1: the file is empty: expected a 'WEBVTT' header.");
  }

  @Test
  void invalidUtf8BecomesReplacementCharacter() throws IOException {
    byte[] latin1 =
        "1\n00:00:01,000 --> 00:00:02,000\nCaf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);

    Transcript transcript = Captions.parse(new ByteArrayInputStream(latin1), "old.srt");

    assertThat(transcript.texts()).containsExactly("Caf\uFFFD");
  }

  @Test
  void unsupportedSampleFileIsRejected() {
    SampleFile file = SampleFiles.unsupportedFile();

    assertThatThrownBy(
            () -> Captions.parse(new ByteArrayInputStream(file.content()), file.fileName()))
        .isInstanceOf(CaptionSyntaxException.class)
        .hasMessageStartingWith("Line 1: expected a cue number or a timing line");
  }

  @Test
  void rejectsTextLongerThanTheLimit() {
    Reader endless = new EndlessCue();

    assertThatThrownBy(() -> Captions.parse(endless, CaptionFormat.WEBVTT))
        .isInstanceOf(AnalysisException.class)
        .hasMessage(
            "The caption file is longer than 20000000 characters. Split it or shorten it before"
                + " parsing.");
  }

  private static Transcript parseSample(SampleFile file) throws IOException {
    return Captions.parse(new ByteArrayInputStream(file.content()), file.fileName());
  }

  /** A WebVTT text with one cue whose text never ends, in lines of 10,000 characters. */
  private static final class EndlessCue extends Reader {
    private final String start = "WEBVTT\n\n00:00.000 --> 00:01.000\n";
    private long position;

    @Override
    public int read(char[] buffer, int offset, int length) {
      for (int i = 0; i < length; i++, position++) {
        if (position < start.length()) {
          buffer[offset + i] = start.charAt((int) position);
        } else {
          buffer[offset + i] = (position - start.length()) % 10_000 == 9_999 ? '\n' : 'w';
        }
      }
      return length;
    }

    @Override
    public void close() {}
  }
}
