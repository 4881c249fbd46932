package io.skillskit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.io.CharTypes;
import com.fasterxml.jackson.core.io.NumberOutput;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * JSON plumbing shared by the skill card types: one {@link JsonFactory} for writing cards, one
 * {@link ObjectMapper} for reading them back, and the number and timestamp forms Box expects.
 */
public final class CardJson {

  /** Maximum nesting depth accepted when reading cards; real card documents nest six levels. */
  public static final int MAX_READ_DEPTH = 64;

  /**
   * Factory for every card generator. Creating a factory is expensive and a factory is thread-safe,
   * so the kit keeps exactly one. Its fast double writer prints the shortest digits that read back
   * as the same double, and does so faster than {@code Double.toString} of Java 17.
   */
  public static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER).build();

  /**
   * Mapper for reading card JSON into a tree. Decimal numbers are kept as exact {@code BigDecimal}
   * values so that a card the kit does not understand is written back with its numbers unchanged.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder(
              JsonFactory.builder()
                  .streamReadConstraints(
                      StreamReadConstraints.builder().maxNestingDepth(MAX_READ_DEPTH).build())
                  .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                  .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                  .build())
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  /**
   * Largest magnitude written as a JSON integer. Below 2^53 every integral double is exact, so
   * writing it without a fraction loses nothing.
   */
  private static final double MAX_EXACT_INTEGER = 9_007_199_254_740_992.0;

  private static final DateTimeFormatter CREATED_AT =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Jackson's escape table for ASCII output: 0 writes a char as is, see {@link #appendString}. */
  private static final int[] ASCII_ESCAPES = CharTypes.get7BitOutputEscapes();

  private static final char[] HEX_DIGITS = "0123456789ABCDEF".toCharArray();

  private CardJson() {}

  /** The part of a card that writes itself into a generator. */
  @FunctionalInterface
  public interface Body {
    /**
     * Writes one JSON value.
     *
     * @param generator the generator to write into
     * @throws IOException if the generator fails
     */
    void write(JsonGenerator generator) throws IOException;
  }

  /**
   * Writes one JSON value to a string with the shared factory.
   *
   * @param sizeHint expected length in chars, to size the buffer
   * @param body writes the value
   * @return the compact JSON text
   */
  public static String write(int sizeHint, Body body) {
    StringBuilderWriter out = new StringBuilderWriter(sizeHint);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      body.write(generator);
    } catch (IOException e) {
      // only the generator can fail here; the writer is in memory
      throw new UncheckedIOException("could not write card JSON", e);
    }
    return out.toString();
  }

  /**
   * The part of a card that writes itself partly into a generator and partly as text straight into
   * the output, for long runs of entries where the generator's per-token work dominates.
   */
  @FunctionalInterface
  public interface DirectBody {
    /**
     * Writes one JSON value. Call {@link JsonGenerator#flush()} before appending to {@code out},
     * so that the text in the generator's buffer comes first. The generator does not see text
     * appended to {@code out}, so append only whole elements of an array that the generator
     * started and ends with no elements of its own.
     *
     * @param generator the generator to write into
     * @param out the output the generator writes to when flushed
     * @throws IOException if the generator fails
     */
    void write(JsonGenerator generator, StringBuilder out) throws IOException;
  }

  /**
   * Writes one JSON value to a string with the shared factory, letting the body append text
   * directly.
   *
   * @param sizeHint expected length in chars, to size the buffer
   * @param body writes the value
   * @return the compact JSON text
   */
  public static String writeDirect(int sizeHint, DirectBody body) {
    StringBuilderWriter out = new StringBuilderWriter(sizeHint);
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      body.write(generator, out.buffer);
    } catch (IOException e) {
      // only the generator can fail here; the writer is in memory
      throw new UncheckedIOException("could not write card JSON", e);
    }
    return out.toString();
  }

  /**
   * Appends a JSON string in quotes, escaped exactly as the {@link #FACTORY} generator escapes it:
   * quote, backslash and control characters only, with the short forms {@code \b \t \n \f \r}
   * and otherwise {@code \}{@code u00} and two upper-case hex digits. Other characters, unpaired
   * surrogates included, are copied unchanged.
   *
   * @param out the text to append to
   * @param text the string value
   */
  public static void appendString(StringBuilder out, String text) {
    out.append('"');
    int length = text.length();
    int start = 0;
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      // The escape table marks exactly these; comparing is cheaper than a load per char.
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(text, start, i);
      start = i + 1;
      int escape = ASCII_ESCAPES[c];
      out.append('\\');
      if (escape > 0) {
        out.append((char) escape);
      } else {
        out.append("u00").append(HEX_DIGITS[c >> 4]).append(HEX_DIGITS[c & 0xF]);
      }
    }
    if (start == 0) {
      // Appending a whole String copies its array; a range of it is copied char by char.
      out.append(text);
    } else {
      out.append(text, start, length);
    }
    out.append('"');
  }

  /**
   * Appends a number of seconds as {@link #writeSeconds} writes it.
   *
   * @param out the text to append to
   * @param seconds a finite number
   */
  public static void appendSeconds(StringBuilder out, double seconds) {
    if (seconds == Math.rint(seconds) && Math.abs(seconds) < MAX_EXACT_INTEGER) {
      out.append((long) seconds);
      return;
    }
    if (seconds >= 0.001 && seconds < 10_000_000) {
      // Media times are mostly whole milliseconds. Doubles below 10^7 lie far closer together
      // than 0.001, so at most one number with three decimals reads back as this double. When
      // one does, it is the shortest form that the fast double writer picks, and in this range
      // that writer uses no exponent. Division is correctly rounded, so the comparison below is
      // the read-back test.
      long millis = Math.round(seconds * 1000);
      if (millis / 1000.0 == seconds) {
        appendMillis(out, millis);
        return;
      }
    }
    out.append(NumberOutput.toString(seconds, true));
  }

  /** Appends a positive number of milliseconds that is not whole seconds as decimal seconds. */
  private static void appendMillis(StringBuilder out, long millis) {
    out.append(millis / 1000).append('.');
    int fraction = (int) (millis % 1000);
    if (fraction % 100 == 0) {
      out.append((char) ('0' + fraction / 100));
    } else if (fraction % 10 == 0) {
      int hundredths = fraction / 10;
      out.append((char) ('0' + hundredths / 10)).append((char) ('0' + hundredths % 10));
    } else {
      out.append((char) ('0' + fraction / 100))
          .append((char) ('0' + fraction / 10 % 10))
          .append((char) ('0' + fraction % 10));
    }
  }

  /** An unsynchronised writer into a {@link StringBuilder}. */
  private static final class StringBuilderWriter extends Writer {
    private final StringBuilder buffer;

    StringBuilderWriter(int capacity) {
      this.buffer = new StringBuilder(Math.max(16, capacity));
    }

    @Override
    public void write(char[] chars, int offset, int length) {
      buffer.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
      buffer.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
      buffer.append((char) c);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return buffer.toString();
    }
  }

  /**
   * Writes a number of seconds the way a person typed it: {@code 12.0} as {@code 12}, {@code 12.5}
   * as {@code 12.5}, and {@code -0.0} as {@code 0}.
   *
   * @param generator the generator positioned where a value belongs
   * @param seconds a finite number
   * @throws IOException if the generator fails
   */
  public static void writeSeconds(JsonGenerator generator, double seconds) throws IOException {
    if (seconds == Math.rint(seconds) && Math.abs(seconds) < MAX_EXACT_INTEGER) {
      generator.writeNumber((long) seconds);
    } else {
      generator.writeNumber(seconds);
    }
  }

  /**
   * Returns the text {@link #writeSeconds} would write, for messages: {@code 12}, {@code 12.5},
   * {@code NaN}.
   *
   * @param seconds any number
   * @return the number as text
   */
  public static String secondsText(double seconds) {
    if (seconds == Math.rint(seconds) && Math.abs(seconds) < MAX_EXACT_INTEGER) {
      return Long.toString((long) seconds);
    }
    // the same shortest-digits algorithm the generator uses with USE_FAST_DOUBLE_WRITER
    return NumberOutput.toString(seconds, true);
  }

  /**
   * Formats an instant like JavaScript's {@code Date.toISOString()}: UTC, exactly three millisecond
   * digits and {@code Z}, for example {@code 2026-03-14T16:27:05.417Z}. Digits below a millisecond
   * are dropped, not rounded.
   *
   * @param instant the instant to format
   * @return the formatted text
   */
  public static String formatCreatedAt(Instant instant) {
    return CREATED_AT.format(instant.truncatedTo(ChronoUnit.MILLIS));
  }
}
