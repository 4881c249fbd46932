package io.skillskit.examples.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Groups the timed words of a speech recogniser into transcript lines, one per second or one per
 * sentence.
 *
 * <p>Rules shared by both groupings:
 *
 * <ul>
 *   <li>Every non-blank token appears exactly once, in input order. The last group is always
 *       emitted.
 *   <li>A token without a time joins the group of the word before it. Tokens without a time before
 *       the first timed word join the first group.
 *   <li>Tokens are joined with one space, except that punctuation such as {@code .} or {@code ,}
 *       attaches to the word before it and opening brackets and quotes attach to the word after.
 *   <li>A line ends at the latest end time of its words. The transcript's duration is the latest
 *       end time of all words.
 * </ul>
 *
 * <pre>{@code
 * Transcript transcript = TimedWords.groupPerSecond(List.of(
 *     TimedWord.of("Welcome", 0.20, 0.55),
 *     TimedWord.of("back", 0.60, 0.90),
 *     TimedWord.untimed("."),
 *     TimedWord.of("Today", 1.10, 1.40)));
 * // "Welcome back." from 0 s to 0.9 s, "Today" from 1 s to 1.4 s
 * }</pre>
 */
public final class TimedWords {

  private TimedWords() {}

  /**
   * Groups words by the whole second in which they start. A line starts at that whole second, so
   * that a viewer who jumps to the line hears all of its words.
   *
   * @param words the recognised tokens in time order
   * @return one line per second that has words, with the duration of the speech
   * @throws IllegalArgumentException if a timed word starts before the timed word before it, or the
   *     list has tokens but none of them has a time
   */
  public static Transcript groupPerSecond(List<TimedWord> words) {
    return group(words, true);
  }

  /**
   * Groups words into sentences: a new line starts after a token that ends with {@code .}, {@code
   * !}, {@code ?} or an ellipsis, also when a closing quote or bracket follows. A line starts at
   * the start time of its first timed word.
   *
   * @param words the recognised tokens in time order
   * @return one line per sentence, with the duration of the speech
   * @throws IllegalArgumentException if a timed word starts before the timed word before it, or the
   *     list has tokens but none of them has a time
   */
  public static Transcript groupPerSentence(List<TimedWord> words) {
    return group(words, false);
  }

  private static Transcript group(List<TimedWord> words, boolean perSecond) {
    Objects.requireNonNull(words, "words");
    requireTimedAndOrdered(words);

    List<TranscriptLine> lines = new ArrayList<>();
    Group current = null;
    StringBuilder leadingUntimed = new StringBuilder();
    double duration = 0;
    for (TimedWord word : words) {
      String text = word.text().strip();
      if (text.isEmpty()) {
        continue;
      }
      if (!word.isTimed()) {
        append(current == null ? leadingUntimed : current.text, text);
        continue;
      }
      double lineStart = perSecond ? Math.floor(word.start()) : word.start();
      boolean startsNewLine =
          current == null || (perSecond ? lineStart != current.start : endsSentence(current.text));
      if (startsNewLine) {
        boolean firstGroup = current == null;
        if (current != null) {
          lines.add(current.toLine());
        }
        current = new Group(lineStart);
        if (firstGroup) {
          current.text.append(leadingUntimed);
        }
      }
      append(current.text, text);
      current.end = Math.max(current.end, word.end());
      duration = Math.max(duration, word.end());
    }
    // The final group has no successor to trigger it, so it is added here.
    if (current != null) {
      lines.add(current.toLine());
    }
    return new Transcript(lines, duration);
  }

  private static void requireTimedAndOrdered(List<TimedWord> words) {
    TimedWord previous = null;
    int previousIndex = -1;
    for (int i = 0; i < words.size(); i++) {
      TimedWord word = Objects.requireNonNull(words.get(i), "words[" + i + "]");
      if (!word.isTimed()) {
        continue;
      }
      if (previous != null && word.start() < previous.start()) {
        throw new IllegalArgumentException(
            String.format(
                Locale.ROOT,
                "Word %d '%s' starts at %s s, before word %d '%s' at %s s: expected the words in"
                    + " time order.",
                i,
                word.text(),
                word.start(),
                previousIndex,
                previous.text(),
                previous.start()));
      }
      previous = word;
      previousIndex = i;
    }
    boolean anyText = words.stream().anyMatch(word -> !word.text().isBlank());
    if (previous == null && anyText) {
      throw new IllegalArgumentException(
          "None of the " + words.size() + " words has a time: expected at least one timed word.");
    }
  }

  /** Appends a token with a space, or without one next to punctuation. */
  private static void append(StringBuilder line, String token) {
    boolean attachesToPrevious = isPunctuation(token) && !opensSomething(token);
    boolean previousOpens =
        line.length() > 0
            && opensSomething(Character.toString(line.codePointBefore(line.length())));
    if (line.length() > 0 && !attachesToPrevious && !previousOpens) {
      line.append(' ');
    }
    line.append(token);
  }

  private static boolean isPunctuation(String token) {
    return token.codePoints().allMatch(TimedWords::isPunctuation);
  }

  private static boolean isPunctuation(int codePoint) {
    return switch (Character.getType(codePoint)) {
      case Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION ->
          true;
      default -> false;
    };
  }

  /** Returns whether a token is only opening brackets or opening quotes. */
  private static boolean opensSomething(String token) {
    return !token.isEmpty()
        && token
            .codePoints()
            .allMatch(
                c ->
                    Character.getType(c) == Character.START_PUNCTUATION
                        || Character.getType(c) == Character.INITIAL_QUOTE_PUNCTUATION);
  }

  /** Returns whether text ends a sentence, ignoring closing quotes and brackets after the mark. */
  private static boolean endsSentence(CharSequence text) {
    int i = text.length() - 1;
    while (i >= 0 && isClosing(text.charAt(i))) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char last = text.charAt(i);
    return last == '.'
        || last == '!'
        || last == '?'
        || last == '\u2026'
        || last == '\u3002'
        || last == '\uFF01'
        || last == '\uFF1F';
  }

  private static boolean isClosing(char c) {
    int type = Character.getType(c);
    return c == '"'
        || c == '\''
        || type == Character.END_PUNCTUATION
        || type == Character.FINAL_QUOTE_PUNCTUATION;
  }

  /** The words of one transcript line while it is being built. */
  private static final class Group {
    private final double start;
    private final StringBuilder text = new StringBuilder();
    private double end;

    Group(double start) {
      this.start = start;
      this.end = start;
    }

    TranscriptLine toLine() {
      return new TranscriptLine(text.toString(), start, end);
    }
  }
}
