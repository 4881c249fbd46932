package io.skillskit.cards;

/** Rule by which {@link TimedWords} groups timed words into transcript entries. */
public enum TranscriptGrouping {
  /**
   * One entry per second of the media: words whose start falls in the same whole second share an
   * entry, and the entry starts at that whole second. Lets users jump through the media in steps of
   * about a second.
   */
  PER_SECOND,

  /**
   * One entry per sentence: an entry ends after a token that ends with {@code .}, {@code !}, {@code
   * ?}, {@code …} or their full-width forms, and starts at the start of its first timed word.
   * Abbreviations such as {@code Dr.} also end an entry.
   */
  PER_SENTENCE
}
