package io.skillskit.examples.analysis;

import java.util.List;

/**
 * The most frequent meaningful terms of a text, as {@link KeyTerms} finds them.
 *
 * @param terms single words, most frequent first, ties in alphabetical order
 * @param phrases two-word phrases that occur at least twice, in the same order, or empty unless
 *     phrases were requested
 * @param wordCount how many words the text has, stop words included, up to the character limit
 * @param truncated whether the text was longer than the character limit, so that only its start was
 *     counted
 */
public record KeyTermsResult(
    List<TermCount> terms, List<TermCount> phrases, long wordCount, boolean truncated) {

  /**
   * Creates a result after copying the lists.
   *
   * @param terms single words, most frequent first
   * @param phrases two-word phrases, most frequent first
   * @param wordCount how many words the text has, at least 0
   * @param truncated whether only the start of the text was counted
   * @throws IllegalArgumentException if the word count is negative
   */
  public KeyTermsResult {
    terms = List.copyOf(terms);
    phrases = List.copyOf(phrases);
    if (wordCount < 0) {
      throw new IllegalArgumentException("Word count " + wordCount + " is negative.");
    }
  }

  /**
   * Returns the single-word terms without their counts, for a keyword card.
   *
   * @return the terms, most frequent first
   */
  public List<String> texts() {
    return terms.stream().map(TermCount::term).toList();
  }
}
