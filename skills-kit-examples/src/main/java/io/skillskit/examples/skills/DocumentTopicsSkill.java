package io.skillskit.examples.skills;

import io.skillskit.box.FilesReader;
import io.skillskit.box.Usage;
import io.skillskit.cards.KeywordCard;
import io.skillskit.examples.analysis.KeyTerms;
import io.skillskit.examples.analysis.KeyTermsResult;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Lists the most frequent meaningful terms of a text document in a keyword card titled {@value
 * #TITLE}.
 *
 * <p>The skill reads the document's extracted text, the basic format Box generates for documents,
 * with {@link FilesReader#openBasicFormat(Duration)}: Box may still be generating it when the skill
 * is invoked, so the reader polls until it is ready or the maximum wait has passed. {@link
 * KeyTerms} counts words without stop words. Usage is one file.
 *
 * <p>The example accepts plain-text, Markdown, CSV and HTML files, whose text LocalBox extracts
 * too. Box also extracts the text of PDF and Office documents, so against Box the same code serves
 * those when their extensions are added to {@link #EXTENSIONS}.
 */
public final class DocumentTopicsSkill implements ExampleSkill {

  /** Title of the keyword card. */
  public static final String TITLE = "Topics";

  /** Extensions the skill accepts. */
  public static final Set<String> EXTENSIONS =
      Set.of("txt", "text", "md", "markdown", "csv", "tsv", "log", "html", "htm");

  /** How long the skill waits by default for Box to extract the text: 2 minutes. */
  public static final Duration DEFAULT_MAX_WAIT = Duration.ofMinutes(2);

  /** Largest document the skill accepts, in bytes: 100 MiB. */
  public static final long MAX_FILE_BYTES = 100L << 20;

  private final KeyTerms keyTerms;
  private final Duration maxWait;

  /** Creates the skill with ten terms at most and a wait of {@link #DEFAULT_MAX_WAIT}. */
  public DocumentTopicsSkill() {
    this(KeyTerms.withDefaults(), DEFAULT_MAX_WAIT);
  }

  /**
   * Creates the skill with the caller's term extractor and wait.
   *
   * @param keyTerms the term extractor
   * @param maxWait how long to wait for Box to extract the text, zero or more
   * @throws IllegalArgumentException if {@code maxWait} is negative
   */
  public DocumentTopicsSkill(KeyTerms keyTerms, Duration maxWait) {
    this.keyTerms = Objects.requireNonNull(keyTerms, "keyTerms");
    Objects.requireNonNull(maxWait, "maxWait");
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("maxWait is " + maxWait + "; expected zero or more");
    }
    this.maxWait = maxWait;
  }

  @Override
  public Set<String> extensions() {
    return EXTENSIONS;
  }

  @Override
  public SkillResult process(SkillsRequest request, FilesReader reader) throws IOException {
    reader.requireFormat(EXTENSIONS.toArray(String[]::new)).requireMaxSize(MAX_FILE_BYTES);

    KeyTermsResult terms;
    try (InputStream text = reader.openBasicFormat(maxWait);
        Reader utf8 = new InputStreamReader(text, StandardCharsets.UTF_8)) {
      terms = keyTerms.extract(utf8);
    }

    KeywordCard.Builder card = KeywordCard.builder(request).title(TITLE);
    terms.texts().forEach(card::addEntry);
    // A document without meaningful words has no entries, so build() throws NoInfoFoundException.
    return new SkillResult(List.of(card.build()), Usage.ONE_FILE);
  }
}
