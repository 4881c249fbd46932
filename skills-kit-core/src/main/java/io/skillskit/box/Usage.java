package io.skillskit.box;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How much work a successful invocation did, reported to Box with the result cards as the {@code
 * usage} field of {@code PUT /2.0/skill_invocations/{skill_id}}. Box uses it for the skill's usage
 * reports.
 *
 * <pre>{@code
 * writer.saveDataCards(List.of(transcript), Usage.seconds(93.5));
 * }</pre>
 *
 * <p>The value is sent as written: {@code Usage.files(1)} as {@code 1}, {@code Usage.seconds(2.5)}
 * as {@code 2.5}.
 *
 * @param unit what is counted
 * @param value how many units, zero or more
 */
public record Usage(Unit unit, BigDecimal value) {

  /** The usage a success write reports when the skill gives none: one file. */
  public static final Usage ONE_FILE = files(1);

  /**
   * Creates a usage.
   *
   * @param unit what is counted
   * @param value how many units, zero or more
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code value} is negative
   */
  public Usage {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(value, "value");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("usage value is " + value + "; expected zero or more");
    }
    value = value.stripTrailingZeros();
    if (value.scale() < 0) {
      value = value.setScale(0);
    }
  }

  /**
   * Returns a usage counted in files.
   *
   * @param count the number of files, zero or more
   * @return the usage
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Usage files(long count) {
    return new Usage(Unit.FILES, BigDecimal.valueOf(count));
  }

  /**
   * Returns a usage counted in pages.
   *
   * @param count the number of pages, zero or more
   * @return the usage
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Usage pages(long count) {
    return new Usage(Unit.PAGES, BigDecimal.valueOf(count));
  }

  /**
   * Returns a usage counted in words.
   *
   * @param count the number of words, zero or more
   * @return the usage
   * @throws IllegalArgumentException if {@code count} is negative
   */
  public static Usage words(long count) {
    return new Usage(Unit.WORDS, BigDecimal.valueOf(count));
  }

  /**
   * Returns a usage counted in seconds of media, fractions allowed.
   *
   * @param seconds the number of seconds, zero or more and finite
   * @return the usage
   * @throws IllegalArgumentException if {@code seconds} is negative, infinite or NaN
   */
  public static Usage seconds(double seconds) {
    if (!Double.isFinite(seconds)) {
      throw new IllegalArgumentException(
          "usage seconds is " + seconds + "; expected a finite number");
    }
    return new Usage(Unit.SECONDS, BigDecimal.valueOf(seconds));
  }

  /** Unit of a {@link Usage}, with the value Box expects in {@code usage.unit}. */
  public enum Unit {
    /** Files processed; sent as {@code files}. */
    FILES("files"),
    /** Seconds of audio or video processed; sent as {@code seconds}. */
    SECONDS("seconds"),
    /** Pages processed; sent as {@code pages}. */
    PAGES("pages"),
    /** Words processed; sent as {@code words}. */
    WORDS("words");

    private final String wireValue;

    Unit(String wireValue) {
      this.wireValue = wireValue;
    }

    /**
     * Returns the value Box expects in {@code usage.unit}.
     *
     * @return for example {@code "files"}
     */
    public String wireValue() {
      return wireValue;
    }
  }
}
