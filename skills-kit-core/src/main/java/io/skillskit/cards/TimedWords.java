package io.skillskit.cards;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Groups the timed words of a speech-to-text service into transcript entries.
 *
 * <pre>{@code
 * List<TimedWord> words = List.of(
 *     TimedWord.of("Welcome", 0.20, 0.55), TimedWord.of("back", 0.60, 0.90),
 *     TimedWord.untimed("."), TimedWord.of("Today", 1.10, 1.40));
 * List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);
 * // "Welcome back." 0-0.9, "Today" 1-1.4
 * }</pre>
 *
 * <p>Rules:
 *
 * <ul>
 *   <li>Every token that is not blank appears exactly once, in the order given, and the last group
 *       is always kept.
 *   <li>Words are joined with one space. A token made only of closing punctuation ({@code .},
 *       {@code ,}, {@code ?}, {@code )} and the like) joins the word before it without a space and
 *       never starts an entry. Spaces inside and around a token are normalised; blank tokens are
 *       skipped.
 *   <li>Untimed words belong to the entry of the word before them; untimed words at the very
 *       beginning belong to the first entry.
 *   <li>An entry ends at the latest end (or, without an end, start) of its words. An entry whose
 *       words have no time at all has no {@code appears}.
 * </ul>
 *
 * <p>Languages written without spaces between words, such as Japanese, are joined with spaces too;
 * group their tokens before handing them over, or build the entries directly.
 */
public final class TimedWords {

  private TimedWords() {}

  /** One entry being collected. */
  private static final class Group {
    final StringBuilder text = new StringBuilder();
    double start = Double.NaN;
    double end = Double.NaN;
    long second = Long.MIN_VALUE;

    void append(String token, boolean attach) {
      if (text.length() > 0 && !attach) {
        text.append(' ');
      }
      text.append(token);
    }

    void time(double tokenStart, double tokenEnd, boolean isStart) {
      if (Double.isNaN(tokenStart)) {
        return;
      }
      if (isStart && Double.isNaN(start)) {
        start = tokenStart;
      }
      double last = Double.isNaN(tokenEnd) ? tokenStart : tokenEnd;
      if (Double.isNaN(end) || last > end) {
        end = last;
      }
    }
  }

  /**
   * Groups words into transcript entries.
   *
   * @param words the tokens in spoken order; not changed
   * @param grouping one entry per second or per sentence
   * @return the entries, in order; empty when every token is blank
   * @throws NullPointerException if an argument or an element of {@code words} is null
   */
  public static List<CardEntry> group(List<TimedWord> words, TranscriptGrouping grouping) {
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(grouping, "grouping");
    List<CardEntry> entries = new ArrayList<>();
    Group current = null;
    Group leading = null;
    for (int i = 0; i < words.size(); i++) {
      TimedWord word = words.get(i);
      if (word == null) {
        throw new NullPointerException("words[" + i + "] is null");
      }
      String token = normalise(word.text());
      if (token.isEmpty()) {
        continue;
      }
      boolean attach = isClosingPunctuation(token);
      double start = word.startOrNaN();
      boolean timed = !Double.isNaN(start);
      if (grouping == TranscriptGrouping.PER_SECOND) {
        if (timed && !attach && (current == null || (long) Math.floor(start) != current.second)) {
          flush(current, entries);
          current = new Group();
          current.second = (long) Math.floor(start);
          current.start = current.second;
          if (leading != null) {
            current.text.append(leading.text);
            leading = null;
          }
        }
        Group target = current;
        if (target == null) {
          leading = leading == null ? new Group() : leading;
          target = leading;
        }
        target.append(token, attach);
        target.time(start, word.endOrNaN(), false);
      } else {
        if (current == null) {
          current = new Group();
        }
        current.append(token, attach);
        current.time(start, word.endOrNaN(), !attach);
        if (endsSentence(token)) {
          flush(current, entries);
          current = null;
        }
      }
    }
    flush(current, entries);
    flush(leading, entries);
    return List.copyOf(entries);
  }

  private static void flush(Group group, List<CardEntry> entries) {
    if (group == null || group.text.length() == 0) {
      return;
    }
    if (Double.isNaN(group.start)) {
      group.start = group.end;
    }
    if (Double.isNaN(group.start)) {
      entries.add(CardEntry.trusted(group.text.toString(), null, List.of()));
    } else {
      double end = Math.max(group.end, group.start);
      TimeRange range = TimeRange.of(group.start, end);
      entries.add(CardEntry.trusted(group.text.toString(), null, List.of(range)));
    }
  }

  /** Strips a token and turns each run of invisible characters inside it into one space. */
  static String normalise(String token) {
    if (CardText.isBlank(token)) {
      return "";
    }
    String stripped = CardText.strip(token);
    StringBuilder out = new StringBuilder(stripped.length());
    boolean gap = false;
    for (int i = 0; i < stripped.length(); ) {
      int codePoint = stripped.codePointAt(i);
      if (CardText.isInvisible(codePoint)) {
        gap = true;
      } else {
        if (gap) {
          out.append(' ');
          gap = false;
        }
        out.appendCodePoint(codePoint);
      }
      i += Character.charCount(codePoint);
    }
    return out.toString();
  }

  /**
   * Tells whether a token is made only of punctuation that closes something: full stops, commas,
   * closing brackets and quotes. Opening brackets and quotes, dashes and the Spanish inverted marks
   * are not.
   */
  static boolean isClosingPunctuation(String token) {
    for (int i = 0; i < token.length(); ) {
      int codePoint = token.codePointAt(i);
      int type = Character.getType(codePoint);
      boolean closing =
          type == Character.END_PUNCTUATION
              || type == Character.FINAL_QUOTE_PUNCTUATION
              || (type == Character.OTHER_PUNCTUATION
                  && codePoint != '\u00bf'
                  && codePoint != '\u00a1');
      if (!closing) {
        return false;
      }
      i += Character.charCount(codePoint);
    }
    return true;
  }

  /** Tells whether a token ends a sentence, looking past closing quotes and brackets. */
  private static boolean endsSentence(String token) {
    int end = token.length();
    while (end > 0) {
      int last = token.codePointBefore(end);
      int type = Character.getType(last);
      boolean closer =
          type == Character.END_PUNCTUATION
              || type == Character.FINAL_QUOTE_PUNCTUATION
              || last == '"'
              || last == '\'';
      if (!closer) {
        return last == '.'
            || last == '!'
            || last == '?'
            || last == '\u2026'
            || last == '\u3002'
            || last == '\uff01'
            || last == '\uff1f';
      }
      end -= Character.charCount(last);
    }
    return false;
  }
}
