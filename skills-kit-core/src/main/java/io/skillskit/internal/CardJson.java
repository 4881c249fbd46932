package io.skillskit.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
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
