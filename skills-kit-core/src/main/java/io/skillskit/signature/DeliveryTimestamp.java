package io.skillskit.signature;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Parser for {@code box-delivery-timestamp} values.
 *
 * <p>Accepts exactly the RFC 3339 {@code date-time} form with upper-case {@code T} and {@code Z}:
 * {@code yyyy-MM-ddTHH:mm:ss}, an optional fraction of 1 to 9 digits, then {@code Z} or {@code
 * ±HH:MM}. Box sends, for example, {@code 2024-05-01T10:00:00-07:00}. Everything else is rejected:
 * a missing offset (the instant would depend on the receiver's zone), epoch numbers, lower-case
 * {@code t} or {@code z}, compact offsets such as {@code -0700}, and leap second {@code 60}. A
 * hand-written parser keeps verification free of exceptions and formatter objects on the common
 * path.
 */
final class DeliveryTimestamp {

  private static final int MIN_LENGTH = "2024-05-01T10:00:00Z".length();
  private static final int MAX_LENGTH = "2024-05-01T10:00:00.123456789+00:00".length();

  private DeliveryTimestamp() {}

  /**
   * Parses a timestamp.
   *
   * @return the instant, or {@code null} when {@code text} is not in the accepted form
   */
  static Instant parse(String text) {
    int length = text.length();
    if (length < MIN_LENGTH || length > MAX_LENGTH) {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 2);
    int day = digits(text, 8, 2);
    int hour = digits(text, 11, 2);
    int minute = digits(text, 14, 2);
    int second = digits(text, 17, 2);
    if (text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || year < 0
        || month < 1
        || month > 12
        || day < 1
        || day > Month.of(month).length(Year.isLeap(year))
        || hour < 0
        || hour > 23
        || minute < 0
        || minute > 59
        || second < 0
        || second > 59) {
      return null;
    }

    int position = 19;
    int nanos = 0;
    if (text.charAt(position) == '.') {
      position++;
      int fractionStart = position;
      while (position < length && isDigit(text.charAt(position))) {
        nanos = nanos * 10 + (text.charAt(position) - '0');
        position++;
      }
      int fractionDigits = position - fractionStart;
      if (fractionDigits < 1 || fractionDigits > 9 || position == length) {
        return null;
      }
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }

    int offsetSeconds = parseOffset(text, position);
    if (offsetSeconds == Integer.MIN_VALUE) {
      return null;
    }
    long epochSecond =
        LocalDate.of(year, month, day).toEpochDay() * 86_400L
            + hour * 3_600L
            + minute * 60L
            + second
            - offsetSeconds;
    return Instant.ofEpochSecond(epochSecond, nanos);
  }

  /** Returns the offset in seconds, or {@code Integer.MIN_VALUE} when it is malformed. */
  private static int parseOffset(String text, int position) {
    int remaining = text.length() - position;
    char designator = text.charAt(position);
    if (designator == 'Z') {
      return remaining == 1 ? 0 : Integer.MIN_VALUE;
    }
    if ((designator != '+' && designator != '-')
        || remaining != 6
        || text.charAt(position + 3) != ':') {
      return Integer.MIN_VALUE;
    }
    int hours = digits(text, position + 1, 2);
    int minutes = digits(text, position + 4, 2);
    if (hours < 0 || hours > 23 || minutes < 0 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = hours * 3_600 + minutes * 60;
    return designator == '-' ? -seconds : seconds;
  }

  /** Returns the value of {@code count} ASCII digits at {@code start}, or -1 if one is not. */
  private static int digits(String text, int start, int count) {
    int value = 0;
    for (int i = start; i < start + count; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
