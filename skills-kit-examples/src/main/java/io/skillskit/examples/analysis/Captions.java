package io.skillskit.examples.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads WebVTT and SRT caption files into transcript lines.
 *
 * <p>What the parser accepts:
 *
 * <ul>
 *   <li>Timestamps {@code hh:mm:ss.mmm} and {@code mm:ss.mmm}, with a dot or a comma before the
 *       milliseconds in both formats. One to three fraction digits are read as a decimal fraction,
 *       so {@code 01.5} is 1.5 s.
 *   <li>Cue identifiers (WebVTT) and cue numbers (SRT), which are skipped.
 *   <li>WebVTT cue settings after the end time, SRT coordinates after the end time: ignored.
 *   <li>WebVTT {@code NOTE}, {@code STYLE} and {@code REGION} blocks and header lines: ignored.
 *   <li>Multi-line cue text, joined with a space. Tags such as {@code <v Speaker>}, {@code <i>},
 *       {@code <c.loud>} and in-cue timestamps are removed, as are SRT style codes such as {@code
 *       {\an8}}. Character references such as {@code &amp;} are decoded.
 *   <li>A byte order mark, and line ends {@code \r\n}, {@code \n} or {@code \r}.
 *   <li>A missing blank line before a cue: a line with {@code -->} inside cue text starts a new
 *       cue.
 * </ul>
 *
 * <p>Cues whose text is empty after removing tags are left out. Lines keep the order of the file. A
 * timing line that cannot be read, a cue without a timing line, or an end before the start is a
 * {@link CaptionSyntaxException} naming the line number and quoting the line.
 *
 * <pre>{@code
 * Transcript transcript;
 * try (InputStream in = Files.newInputStream(path)) {
 *   transcript = Captions.parse(in, path.getFileName().toString());
 * }
 * }</pre>
 */
public final class Captions {

  /**
   * Maximum length of a caption text, in characters. At an estimated 20 characters per second of
   * speech, that is more than 200 hours of subtitles.
   */
  public static final long MAX_CHARS = 20_000_000;

  private static final Pattern TIMESTAMP =
      Pattern.compile("(?:(\\d{1,6}):)?([0-5]?\\d):([0-5]\\d)[.,](\\d{1,3})");
  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern SRT_STYLE_CODE = Pattern.compile("\\{\\\\[^}]*}");
  private static final Pattern CHARACTER_REFERENCE =
      Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]+);");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final Map<String, String> NAMED_REFERENCES =
      Map.of(
          "amp", "&",
          "lt", "<",
          "gt", ">",
          "quot", "\"",
          "apos", "'",
          "nbsp", " ",
          "lrm", "",
          "rlm", "");

  private static final int MAX_QUOTED_LENGTH = 80;

  private Captions() {}

  /**
   * Reads a caption file from a stream as UTF-8 and returns its lines. The format is detected by
   * {@link CaptionFormat#detect(String, CharSequence)}. Bytes that are not valid UTF-8 become
   * {@code U+FFFD}. The stream is not closed.
   *
   * @param in the bytes of a WebVTT or SRT file
   * @param fileName the file's name, used for its extension, or empty
   * @return the cues as transcript lines, with the latest cue end as duration
   * @throws CaptionSyntaxException if the file does not follow its format
   * @throws AnalysisException if the file is longer than {@link #MAX_CHARS} characters
   * @throws IOException if reading the stream fails
   */
  public static Transcript parse(InputStream in, String fileName) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(fileName, "fileName");
    BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
    // Peek at the first characters to detect the format. A network stream may deliver them in
    // several reads.
    char[] start = new char[8];
    reader.mark(start.length);
    int length = 0;
    int read;
    while (length < start.length
        && (read = reader.read(start, length, start.length - length)) > 0) {
      length += read;
    }
    reader.reset();
    return parse(reader, CaptionFormat.detect(fileName, new String(start, 0, length)));
  }

  /**
   * Parses caption text, detecting the format from its first line.
   *
   * @param text the content of a WebVTT or SRT file
   * @return the cues as transcript lines, with the latest cue end as duration
   * @throws CaptionSyntaxException if the text does not follow its format
   * @throws AnalysisException if the text is longer than {@link #MAX_CHARS} characters
   */
  public static Transcript parse(String text) {
    Objects.requireNonNull(text, "text");
    return parse(text, CaptionFormat.detect("", text));
  }

  /**
   * Parses caption text in a given format.
   *
   * @param text the content of a caption file
   * @param format the format of the text
   * @return the cues as transcript lines, with the latest cue end as duration
   * @throws CaptionSyntaxException if the text does not follow the format
   * @throws AnalysisException if the text is longer than {@link #MAX_CHARS} characters
   */
  public static Transcript parse(String text, CaptionFormat format) {
    Objects.requireNonNull(text, "text");
    try {
      return parse(new StringReader(text), format);
    } catch (IOException e) {
      // A StringReader does not fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads caption text in a given format. The reader is not closed.
   *
   * @param in the content of a caption file
   * @param format the format of the text
   * @return the cues as transcript lines, with the latest cue end as duration
   * @throws CaptionSyntaxException if the text does not follow the format
   * @throws AnalysisException if the text is longer than {@link #MAX_CHARS} characters
   * @throws IOException if reading fails
   */
  public static Transcript parse(Reader in, CaptionFormat format) throws IOException {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(format, "format");
    BlockReader blocks = new BlockReader(in);
    List<TranscriptLine> lines = new ArrayList<>();

    List<Line> block = blocks.next();
    if (format == CaptionFormat.WEBVTT) {
      block = readWebVttHeader(block, blocks);
    }
    for (; block != null; block = blocks.next()) {
      if (format == CaptionFormat.WEBVTT && isWebVttMetadata(block.get(0).text())) {
        continue;
      }
      readCues(block, firstTimingIndex(block, format), format, lines);
    }

    double duration = lines.stream().mapToDouble(TranscriptLine::end).max().orElse(0);
    return new Transcript(lines, duration);
  }

  /**
   * Checks the WebVTT signature and returns the first block after the header. A header block that
   * already contains a timing line is kept as a cue block from that line on.
   */
  private static List<Line> readWebVttHeader(List<Line> header, BlockReader blocks)
      throws IOException {
    if (header == null) {
      throw new CaptionSyntaxException(1, "the file is empty: expected a 'WEBVTT' header.");
    }
    Line signature = header.get(0);
    String text = signature.text();
    boolean valid =
        text.startsWith("WEBVTT")
            && (text.length() == 6 || text.charAt(6) == ' ' || text.charAt(6) == '\t');
    if (!valid) {
      throw new CaptionSyntaxException(
          signature.number(),
          "expected the header 'WEBVTT' on the first line, found " + quote(text) + ".");
    }
    if (signature.number() != 1) {
      throw new CaptionSyntaxException(
          signature.number(),
          "the 'WEBVTT' header follows blank lines: expected it on the first line.");
    }
    for (int i = 1; i < header.size(); i++) {
      if (header.get(i).text().contains("-->")) {
        return header.subList(i, header.size());
      }
    }
    return blocks.next();
  }

  private static boolean isWebVttMetadata(String firstLine) {
    for (String keyword : List.of("NOTE", "STYLE", "REGION")) {
      if (firstLine.equals(keyword)
          || firstLine.startsWith(keyword + " ")
          || firstLine.startsWith(keyword + "\t")) {
        return true;
      }
    }
    return false;
  }

  /** Returns the index of the block's first timing line, after an optional identifier line. */
  private static int firstTimingIndex(List<Line> block, CaptionFormat format) {
    Line first = block.get(0);
    if (first.text().contains("-->")) {
      return 0;
    }
    if (format == CaptionFormat.SRT && !isCueNumber(first.text())) {
      throw new CaptionSyntaxException(
          first.number(),
          "expected a cue number or a timing line such as '00:00:01,000 --> 00:00:04,000', found "
              + quote(first.text())
              + ".");
    }
    String kind = format == CaptionFormat.SRT ? "cue number" : "cue identifier";
    if (block.size() < 2) {
      throw new CaptionSyntaxException(
          first.number(), kind + " " + quote(first.text()) + " is not followed by a timing line.");
    }
    Line second = block.get(1);
    if (!second.text().contains("-->")) {
      throw new CaptionSyntaxException(
          second.number(),
          "expected a timing line such as '"
              + example(format)
              + "' after "
              + kind
              + " "
              + quote(first.text())
              + ", found "
              + quote(second.text())
              + ".");
    }
    return 1;
  }

  /** Reads the cues of one block, where a second timing line inside the text starts another cue. */
  private static void readCues(
      List<Line> block, int timingIndex, CaptionFormat format, List<TranscriptLine> lines) {
    int timing = timingIndex;
    while (timing >= 0) {
      int next = -1;
      for (int i = timing + 1; i < block.size(); i++) {
        if (block.get(i).text().contains("-->")) {
          next = i;
          break;
        }
      }
      int textEnd = next < 0 ? block.size() : next;
      // In SRT, a number right before the next timing line is that cue's number, not text.
      if (next >= 0 && format == CaptionFormat.SRT && next - 1 > timing) {
        textEnd = isCueNumber(block.get(next - 1).text()) ? next - 1 : next;
      }
      addCue(block, timing, textEnd, format, lines);
      timing = next;
    }
  }

  private static void addCue(
      List<Line> block,
      int timingIndex,
      int textEnd,
      CaptionFormat format,
      List<TranscriptLine> lines) {
    Line timing = block.get(timingIndex);
    int arrow = timing.text().indexOf("-->");
    String startText = timing.text().substring(0, arrow).strip();
    String rest = timing.text().substring(arrow + 3).stripLeading();
    String[] endAndSettings = rest.split("[ \\t]", 2);
    long start = parseMillis(startText, timing, format);
    long end = parseMillis(endAndSettings[0], timing, format);
    if (end < start) {
      throw new CaptionSyntaxException(
          timing.number(),
          "invalid cue timing " + quote(timing.text()) + ": the end is before the start.");
    }

    StringBuilder text = new StringBuilder();
    for (int i = timingIndex + 1; i < textEnd; i++) {
      text.append(i > timingIndex + 1 ? " " : "").append(block.get(i).text());
    }
    String clean = cleanText(text.toString());
    if (!clean.isEmpty()) {
      lines.add(new TranscriptLine(clean, start / 1000.0, end / 1000.0));
    }
  }

  private static long parseMillis(String timestamp, Line line, CaptionFormat format) {
    Matcher matcher = TIMESTAMP.matcher(timestamp);
    if (!matcher.matches()) {
      throw new CaptionSyntaxException(
          line.number(),
          "invalid cue timing "
              + quote(line.text())
              + ": "
              + quote(timestamp)
              + " is not a timestamp; expected a line such as '"
              + example(format)
              + "'.");
    }
    long hours = matcher.group(1) == null ? 0 : Long.parseLong(matcher.group(1));
    long minutes = Long.parseLong(matcher.group(2));
    long seconds = Long.parseLong(matcher.group(3));
    String fraction = (matcher.group(4) + "00").substring(0, 3);
    return ((hours * 60 + minutes) * 60 + seconds) * 1000 + Long.parseLong(fraction);
  }

  /** Removes tags and style codes, decodes character references and normalises whitespace. */
  private static String cleanText(String text) {
    String withoutTags = SRT_STYLE_CODE.matcher(TAG.matcher(text).replaceAll("")).replaceAll("");
    String decoded =
        CHARACTER_REFERENCE
            .matcher(withoutTags)
            .replaceAll(match -> Matcher.quoteReplacement(decode(match.group(1), match.group())));
    return WHITESPACE.matcher(decoded).replaceAll(" ").strip();
  }

  private static String decode(String reference, String original) {
    if (!reference.startsWith("#")) {
      return NAMED_REFERENCES.getOrDefault(reference, original);
    }
    boolean hex =
        reference.length() > 1 && (reference.charAt(1) == 'x' || reference.charAt(1) == 'X');
    int codePoint = Integer.parseInt(reference.substring(hex ? 2 : 1), hex ? 16 : 10);
    return Character.isValidCodePoint(codePoint) ? Character.toString(codePoint) : original;
  }

  private static boolean isCueNumber(String text) {
    String stripped = text.strip();
    return !stripped.isEmpty()
        && stripped.length() <= 9
        && stripped.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String example(CaptionFormat format) {
    return format == CaptionFormat.SRT
        ? "00:00:01,000 --> 00:00:04,000"
        : "00:00:01.000 --> 00:00:04.000";
  }

  /** Quotes a line for an error message, shortened when it is long. */
  private static String quote(String text) {
    return text.length() <= MAX_QUOTED_LENGTH
        ? "'" + text + "'"
        : "'" + text.substring(0, MAX_QUOTED_LENGTH) + "...'";
  }

  /** One line of the file with its line number, counting from 1. */
  private record Line(int number, String text) {}

  /**
   * Splits a text into blocks of non-blank lines. It counts lines for error messages, accepts
   * {@code \r\n}, {@code \n} and {@code \r} line ends, removes a leading byte order mark and stops
   * at {@link #MAX_CHARS} characters.
   */
  private static final class BlockReader {
    private final Reader in;
    private final StringBuilder line = new StringBuilder();
    private int lineNumber;
    private long charsRead;
    private int lookahead = -2;
    private boolean atEnd;

    BlockReader(Reader in) {
      // Characters are read one at a time, which needs a buffer underneath.
      this.in = in instanceof BufferedReader ? in : new BufferedReader(in);
    }

    /** Returns the next block, or {@code null} at the end of the text. */
    List<Line> next() throws IOException {
      List<Line> block = new ArrayList<>();
      String text;
      while ((text = readLine()) != null) {
        if (text.isBlank()) {
          if (!block.isEmpty()) {
            return block;
          }
        } else {
          block.add(new Line(lineNumber, text));
        }
      }
      return block.isEmpty() ? null : block;
    }

    private String readLine() throws IOException {
      if (atEnd) {
        return null;
      }
      line.setLength(0);
      int c;
      while ((c = read()) != -1) {
        if (c == '\n') {
          break;
        }
        if (c == '\r') {
          int after = read();
          if (after != '\n' && after != -1) {
            lookahead = after;
          }
          break;
        }
        line.append((char) c);
      }
      if (c == -1) {
        atEnd = true;
        if (line.length() == 0) {
          return null;
        }
      }
      lineNumber++;
      if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == '\uFEFF') {
        line.deleteCharAt(0);
      }
      return line.toString();
    }

    private int read() throws IOException {
      if (lookahead != -2) {
        int c = lookahead;
        lookahead = -2;
        return c;
      }
      int c = in.read();
      if (c != -1 && ++charsRead > MAX_CHARS) {
        throw new AnalysisException(
            "The caption file is longer than "
                + MAX_CHARS
                + " characters. Split it or shorten it before parsing.");
      }
      return c;
    }
  }
}
