package io.skillskit.signature;

import io.skillskit.signature.SignatureVerificationException.Reason;
import java.util.Collection;
import java.util.Map;

/**
 * The five signature headers of one request, looked up by name in any case.
 *
 * <p>The lookup walks the caller's map once instead of calling {@link Map#get}, so it works with
 * any map: one that keeps the sender's spelling, a case-insensitive one, one that rejects {@code
 * null} lookups, or one holding {@code null} names or values. Values lose surrounding spaces and
 * tabs (HTTP optional whitespace); a value that is {@code null} or blank counts as absent. The same
 * header given more than once (under different spellings, or as several values) is accepted when
 * all non-blank values are equal and rejected as ambiguous otherwise.
 */
final class ReceivedHeaders {

  static final int TIMESTAMP = 0;
  static final int VERSION = 1;
  static final int ALGORITHM = 2;
  static final int PRIMARY = 3;
  static final int SECONDARY = 4;

  private static final String[] NAMES = {
    SignatureHeaders.DELIVERY_TIMESTAMP,
    SignatureHeaders.SIGNATURE_VERSION,
    SignatureHeaders.SIGNATURE_ALGORITHM,
    SignatureHeaders.SIGNATURE_PRIMARY,
    SignatureHeaders.SIGNATURE_SECONDARY
  };

  private final String[] values = new String[NAMES.length];

  private ReceivedHeaders() {}

  /** Reads headers with one value per name. */
  static ReceivedHeaders fromSingleValued(Map<?, ?> headers) {
    ReceivedHeaders received = new ReceivedHeaders();
    for (Map.Entry<?, ?> entry : headers.entrySet()) {
      int slot = slotOf(entry.getKey());
      if (slot >= 0) {
        received.add(slot, entry.getValue());
      }
    }
    return received;
  }

  /** Reads headers with a collection of values per name, as servlet and JAX-RS APIs give them. */
  static ReceivedHeaders fromMultiValued(Map<?, ? extends Collection<?>> headers) {
    ReceivedHeaders received = new ReceivedHeaders();
    for (Map.Entry<?, ? extends Collection<?>> entry : headers.entrySet()) {
      int slot = slotOf(entry.getKey());
      Collection<?> values = entry.getValue();
      if (slot >= 0 && values != null) {
        for (Object value : values) {
          received.add(slot, value);
        }
      }
    }
    return received;
  }

  /** Returns the trimmed value of a header, or {@code null} when it is absent or blank. */
  String get(int slot) {
    return values[slot];
  }

  /** Tells whether none of the five headers is present. */
  boolean isEmpty() {
    for (String value : values) {
      if (value != null) {
        return false;
      }
    }
    return true;
  }

  static String nameOf(int slot) {
    return NAMES[slot];
  }

  private void add(int slot, Object rawValue) {
    if (!(rawValue instanceof String)) {
      return;
    }
    String value = stripOptionalWhitespace((String) rawValue);
    if (value.isEmpty()) {
      return;
    }
    String earlier = values[slot];
    if (earlier == null) {
      values[slot] = value;
    } else if (!earlier.equals(value)) {
      throw new SignatureVerificationException(
          Reason.AMBIGUOUS_HEADER,
          NAMES[slot]
              + " was received more than once with different values, so it is unclear which one"
              + " Box sent. Check for a proxy or framework that adds or merges this header.");
    }
  }

  /** Returns the slot of a header name in any case, or -1 when the name is not one of the five. */
  private static int slotOf(Object name) {
    if (!(name instanceof String)) {
      return -1;
    }
    String text = (String) name;
    // Length and the letter after "box-signature-" pick the only candidate, so each of the
    // request's other headers costs one or two comparisons.
    int slot;
    switch (text.length()) {
      case 21:
        slot = slotByLetter(text, 'v', VERSION, 'p', PRIMARY);
        break;
      case 22:
        slot = TIMESTAMP;
        break;
      case 23:
        slot = slotByLetter(text, 'a', ALGORITHM, 's', SECONDARY);
        break;
      default:
        return -1;
    }
    return slot >= 0 && equalsIgnoringAsciiCase(text, NAMES[slot]) ? slot : -1;
  }

  private static int slotByLetter(
      String text, char first, int firstSlot, char second, int secondSlot) {
    char letter = (char) (text.charAt(14) | 0x20);
    if (letter == first) {
      return firstSlot;
    }
    return letter == second ? secondSlot : -1;
  }

  /**
   * Compares a name with a lower-case ASCII name. Only ASCII letters fold, unlike {@link
   * String#equalsIgnoreCase}, which would also match non-ASCII look-alikes such as U+017F (long s)
   * for {@code s}; HTTP header names are ASCII.
   */
  private static boolean equalsIgnoringAsciiCase(String text, String lowerCaseName) {
    int length = lowerCaseName.length();
    if (text.length() != length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      if (c != lowerCaseName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static String stripOptionalWhitespace(String value) {
    int start = 0;
    int end = value.length();
    while (start < end && isOptionalWhitespace(value.charAt(start))) {
      start++;
    }
    while (end > start && isOptionalWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }

  private static boolean isOptionalWhitespace(char c) {
    return c == ' ' || c == '\t';
  }
}
