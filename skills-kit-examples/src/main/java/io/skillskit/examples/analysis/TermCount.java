package io.skillskit.examples.analysis;

import java.util.Objects;

/**
 * A term of a text and how often it occurs.
 *
 * @param term the term in lower case: a single word, or two words separated by one space for a
 *     phrase
 * @param count how often the term occurs, at least 1
 */
public record TermCount(String term, long count) {

  /**
   * Creates a term count after checking its values.
   *
   * @param term the term, not blank
   * @param count how often the term occurs, at least 1
   * @throws IllegalArgumentException if the term is blank or the count is below 1
   */
  public TermCount {
    Objects.requireNonNull(term, "term");
    if (term.isBlank() || count < 1) {
      throw new IllegalArgumentException(
          "Invalid term count '" + term + "' x " + count + ": expected a term and a count >= 1.");
    }
  }
}
