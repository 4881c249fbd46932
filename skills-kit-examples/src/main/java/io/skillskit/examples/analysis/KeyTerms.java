package io.skillskit.examples.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Finds the most frequent meaningful terms of a text, for example the extracted text of a document.
 *
 * <p>How a text becomes terms:
 *
 * <ul>
 *   <li>A word is a run of Unicode letters, digits and combining marks. An apostrophe ({@code '} or
 *       {@code U+2019}) between two such characters stays in the word, so {@code don't} is one
 *       word. Every other character separates words.
 *   <li>Words are normalised to Unicode NFC and lower-cased with {@link Locale#ROOT}. A possessive
 *       {@code 's} is removed, so {@code budget's} counts as {@code budget}.
 *   <li>Stop words are dropped: by default the English list of {@link #englishStopWords()}. So are
 *       words shorter than {@link Builder#minLength(int) minLength} (3 by default) and words of
 *       digits only.
 *   <li>With {@link Builder#phrases(boolean) phrases} on, two kept words in a row form a phrase
 *       when only spaces or a hyphen separate them. Phrases that occur at least twice are returned.
 * </ul>
 *
 * <p>Terms are ranked by count, ties in alphabetical order by {@link String#compareTo(String)}, so
 * the result is deterministic. The text is read as a stream, and memory grows with the number of
 * distinct words, and at most {@link Builder#maxChars(long) maxChars} characters (5,000,000 by
 * default) are read, which {@link KeyTermsResult#truncated()} reports.
 *
 * <pre>{@code
 * KeyTermsResult result = KeyTerms.withDefaults().extract(text);
 * for (TermCount term : result.terms()) {
 *   System.out.println(term.term() + " " + term.count());
 * }
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class KeyTerms {

  /** Default number of terms returned. */
  public static final int DEFAULT_MAX_TERMS = 10;

  /** Default minimum length of a term, in Unicode code points. */
  public static final int DEFAULT_MIN_LENGTH = 3;

  /** Default limit on the characters read from one text. */
  public static final long DEFAULT_MAX_CHARS = 5_000_000;

  /** Phrases seen fewer times than this are not returned. */
  private static final int MIN_PHRASE_COUNT = 2;

  private static final String STOP_WORDS_RESOURCE = "english-stop-words.txt";

  private static final Set<String> ENGLISH_STOP_WORDS = loadStopWords();

  private final int maxTerms;
  private final int minLength;
  private final boolean phrases;
  private final long maxChars;
  private final Set<String> stopWords;

  private KeyTerms(Builder builder) {
    this.maxTerms = builder.maxTerms;
    this.minLength = builder.minLength;
    this.phrases = builder.phrases;
    this.maxChars = builder.maxChars;
    this.stopWords = builder.stopWords;
  }

  /**
   * Returns an extractor with the default settings: 10 terms, words of 3 or more characters, the
   * English stop words, no phrases.
   *
   * @return an extractor with default settings
   */
  public static KeyTerms withDefaults() {
    return builder().build();
  }

  /**
   * Returns a builder that starts from the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the English stop words used by default: articles, pronouns, prepositions, conjunctions,
   * auxiliary verbs, frequent adverbs and contractions, in lower case.
   *
   * @return an unmodifiable set of words
   */
  public static Set<String> englishStopWords() {
    return ENGLISH_STOP_WORDS;
  }

  /**
   * Returns the key terms of a text held in memory.
   *
   * @param text the text
   * @return the most frequent terms and, if requested, phrases
   */
  public KeyTermsResult extract(String text) {
    Objects.requireNonNull(text, "text");
    try {
      return extract(new StringReader(text));
    } catch (IOException e) {
      // A StringReader does not fail.
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a text and returns its key terms. At most {@code maxChars} characters are read, and the
   * reader is not closed.
   *
   * @param text the text
   * @return the most frequent terms and, if requested, phrases
   * @throws IOException if reading fails
   */
  public KeyTermsResult extract(Reader text) throws IOException {
    Objects.requireNonNull(text, "text");
    TermCounter counter = new TermCounter();
    Tokenizer tokenizer = new Tokenizer(counter);
    char[] buffer = new char[8192];
    long charsRead = 0;
    int read;
    while ((read = text.read(buffer, 0, (int) Math.min(buffer.length, maxChars - charsRead))) > 0) {
      tokenizer.feed(buffer, read);
      charsRead += read;
    }
    boolean truncated = charsRead == maxChars && text.read() != -1;
    tokenizer.finish();
    return new KeyTermsResult(
        top(counter.terms, 1),
        top(counter.phrases, MIN_PHRASE_COUNT),
        counter.wordCount,
        truncated);
  }

  private List<TermCount> top(Map<String, Long> counts, long minCount) {
    return counts.entrySet().stream()
        .filter(entry -> entry.getValue() >= minCount)
        .sorted(
            Comparator.comparing(Map.Entry<String, Long>::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .limit(maxTerms)
        .map(entry -> new TermCount(entry.getKey(), entry.getValue()))
        .toList();
  }

  private static Set<String> loadStopWords() {
    InputStream in = KeyTerms.class.getResourceAsStream(STOP_WORDS_RESOURCE);
    if (in == null) {
      throw new IllegalStateException(
          "Resource " + STOP_WORDS_RESOURCE + " is missing next to KeyTerms.class.");
    }
    Set<String> words = new HashSet<>();
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          words.add(word.toLowerCase(Locale.ROOT));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + STOP_WORDS_RESOURCE, e);
    }
    return Set.copyOf(words);
  }

  /** Splits characters into words by the rules in the class description. */
  private static final class Tokenizer {

    private final TermCounter counter;
    private final StringBuilder word = new StringBuilder();
    private boolean apostropheAfterWord;
    private char highSurrogate;

    Tokenizer(TermCounter counter) {
      this.counter = counter;
    }

    void feed(char[] chars, int length) {
      for (int i = 0; i < length; i++) {
        char c = chars[i];
        // A surrogate pair may be split between two reads.
        if (highSurrogate != 0) {
          char high = highSurrogate;
          highSurrogate = 0;
          if (Character.isLowSurrogate(c)) {
            accept(Character.toCodePoint(high, c));
            continue;
          }
          accept(high);
        }
        if (Character.isHighSurrogate(c)) {
          highSurrogate = c;
        } else {
          accept(c);
        }
      }
    }

    void finish() {
      if (highSurrogate != 0) {
        accept(highSurrogate);
        highSurrogate = 0;
      }
      endWord();
    }

    private void accept(int codePoint) {
      if (isWordPart(codePoint)) {
        if (apostropheAfterWord) {
          word.append('\'');
          apostropheAfterWord = false;
        }
        word.appendCodePoint(codePoint);
      } else if (isApostrophe(codePoint) && word.length() > 0 && !apostropheAfterWord) {
        apostropheAfterWord = true;
      } else {
        boolean trailingApostrophe = apostropheAfterWord;
        endWord();
        boolean joinsPhrase =
            Character.isWhitespace(codePoint) || codePoint == '-' || trailingApostrophe;
        if (!joinsPhrase) {
          counter.breakPhrase();
        }
      }
    }

    private void endWord() {
      apostropheAfterWord = false;
      if (word.length() == 0) {
        return;
      }
      String normalised = Normalizer.normalize(word, Normalizer.Form.NFC);
      word.setLength(0);
      counter.add(normalised.toLowerCase(Locale.ROOT));
    }

    private static boolean isWordPart(int codePoint) {
      if (Character.isLetterOrDigit(codePoint)) {
        return true;
      }
      int type = Character.getType(codePoint);
      return type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK;
    }

    private static boolean isApostrophe(int codePoint) {
      return codePoint == '\'' || codePoint == '\u2019';
    }
  }

  /** Counts kept words and, when enabled, pairs of kept words in a row. */
  private final class TermCounter {

    private final Map<String, Long> terms = new HashMap<>();
    private final Map<String, Long> phrases = new HashMap<>();
    private long wordCount;
    private String previous;

    void add(String word) {
      wordCount++;
      String term = word.endsWith("'s") ? word.substring(0, word.length() - 2) : word;
      if (stopWords.contains(word) || stopWords.contains(term) || !isMeaningful(term)) {
        previous = null;
        return;
      }
      terms.merge(term, 1L, Long::sum);
      if (KeyTerms.this.phrases && previous != null) {
        phrases.merge(previous + " " + term, 1L, Long::sum);
      }
      previous = term;
    }

    void breakPhrase() {
      previous = null;
    }

    private boolean isMeaningful(String term) {
      return term.codePointCount(0, term.length()) >= minLength
          && !term.codePoints().allMatch(Character::isDigit);
    }
  }

  /** Settings for a {@link KeyTerms} extractor, each starting at its documented default. */
  public static final class Builder {

    private int maxTerms = DEFAULT_MAX_TERMS;
    private int minLength = DEFAULT_MIN_LENGTH;
    private boolean phrases;
    private long maxChars = DEFAULT_MAX_CHARS;
    private Set<String> stopWords = ENGLISH_STOP_WORDS;

    private Builder() {}

    /**
     * Sets how many terms, and how many phrases, are returned at most.
     *
     * @param maxTerms from 1 to 1000; 10 by default
     * @return this builder
     * @throws IllegalArgumentException if the number is outside that range
     */
    public Builder maxTerms(int maxTerms) {
      if (maxTerms < 1 || maxTerms > 1000) {
        throw new IllegalArgumentException("maxTerms is " + maxTerms + ": expected 1 to 1000.");
      }
      this.maxTerms = maxTerms;
      return this;
    }

    /**
     * Sets the minimum length of a term in Unicode code points. Shorter words are dropped.
     *
     * @param minLength from 1 to 50; 3 by default
     * @return this builder
     * @throws IllegalArgumentException if the length is outside that range
     */
    public Builder minLength(int minLength) {
      if (minLength < 1 || minLength > 50) {
        throw new IllegalArgumentException("minLength is " + minLength + ": expected 1 to 50.");
      }
      this.minLength = minLength;
      return this;
    }

    /**
     * Sets whether two-word phrases are counted as well.
     *
     * @param phrases {@code true} to count phrases; {@code false} by default
     * @return this builder
     */
    public Builder phrases(boolean phrases) {
      this.phrases = phrases;
      return this;
    }

    /**
     * Sets how many characters of a text are read at most. The rest is ignored and the result
     * marked as truncated.
     *
     * @param maxChars at least 1; 5,000,000 by default
     * @return this builder
     * @throws IllegalArgumentException if the limit is below 1
     */
    public Builder maxChars(long maxChars) {
      if (maxChars < 1) {
        throw new IllegalArgumentException("maxChars is " + maxChars + ": expected at least 1.");
      }
      this.maxChars = maxChars;
      return this;
    }

    /**
     * Replaces the stop words, for example with a list for another language. Words are compared
     * after lower-casing with {@link Locale#ROOT}.
     *
     * @param stopWords the words to drop, possibly none
     * @return this builder
     */
    public Builder stopWords(Set<String> stopWords) {
      Set<String> lowerCase = new HashSet<>();
      for (String word : stopWords) {
        lowerCase.add(Objects.requireNonNull(word, "stop word").toLowerCase(Locale.ROOT));
      }
      this.stopWords = Set.copyOf(lowerCase);
      return this;
    }

    /**
     * Creates the extractor.
     *
     * @return an extractor with these settings
     */
    public KeyTerms build() {
      return new KeyTerms(this);
    }
  }
}
