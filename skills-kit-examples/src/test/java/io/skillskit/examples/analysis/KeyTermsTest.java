package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.examples.samples.SampleFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeyTermsTest {

  private final KeyTerms keyTerms = KeyTerms.withDefaults();

  @Test
  void sampleNotesGivePlantedTerms() {
    String notes = new String(SampleFiles.meetingNotesText().content(), StandardCharsets.UTF_8);

    KeyTermsResult result = keyTerms.extract(notes);

    assertThat(result.texts().subList(0, 5))
        .containsExactlyElementsOf(SampleFiles.meetingNotesTopTerms());
    assertThat(result.terms().subList(0, 5))
        .extracting(TermCount::count)
        .containsExactly(9L, 7L, 6L, 5L, 4L);
    assertThat(result.terms().get(5).count()).isLessThanOrEqualTo(3);
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void tiesAreBrokenAlphabetically() {
    KeyTermsResult result = keyTerms.extract("zebra apple mango apple zebra mango kiwi");

    assertThat(result.terms())
        .containsExactly(
            new TermCount("apple", 2),
            new TermCount("mango", 2),
            new TermCount("zebra", 2),
            new TermCount("kiwi", 1));
  }

  @Test
  void dropsStopWordsShortWordsAndNumbers() {
    KeyTermsResult result =
        keyTerms.extract("The 2024 plan is on a go: we will ship it in Q3 and the plan holds.");

    assertThat(result.texts()).containsExactly("plan", "holds", "ship");
    assertThat(result.wordCount()).isEqualTo(17);
  }

  @Test
  void lowerCasesAndNormalisesUnicode() {
    // "Cafe\u0301" uses a combining accent; NFC turns it into the same word as "Café".
    KeyTermsResult result =
        keyTerms.extract("Café CAFÉ Cafe\u0301 ÜBER über Straße, Ελλάδα ελλάδα");

    assertThat(result.terms())
        .containsExactly(
            new TermCount("café", 3),
            new TermCount("über", 2),
            new TermCount("ελλάδα", 2),
            new TermCount("straße", 1));
  }

  @Test
  void keepsApostrophesInsideWords() {
    KeyTermsResult result =
        keyTerms.extract(
            "Don't stop rock'n'roll. The budget's limits; budget\u2019s owner 'quoted'");

    assertThat(result.terms())
        .containsExactly(
            new TermCount("budget", 2),
            new TermCount("limits", 1),
            new TermCount("owner", 1),
            new TermCount("quoted", 1),
            new TermCount("rock'n'roll", 1),
            new TermCount("stop", 1));
  }

  @Test
  void countsPhrasesSeenAtLeastTwice() {
    KeyTerms withPhrases = KeyTerms.builder().phrases(true).build();

    KeyTermsResult result =
        withPhrases.extract(
            "Budget review on Monday. The budget review went well; budget, review later."
                + " Year-end close and year-end close again.");

    assertThat(result.phrases())
        .containsExactly(
            new TermCount("budget review", 2),
            new TermCount("end close", 2),
            new TermCount("year end", 2));
  }

  @Test
  void phrasesAreOffByDefault() {
    KeyTermsResult result = keyTerms.extract("budget review budget review");

    assertThat(result.phrases()).isEmpty();
  }

  @Test
  void samplePhrasesIncludeBudgetReview() {
    String notes = new String(SampleFiles.meetingNotesText().content(), StandardCharsets.UTF_8);

    KeyTermsResult result = KeyTerms.builder().phrases(true).build().extract(notes);

    assertThat(result.phrases()).contains(new TermCount("budget review", 2));
  }

  @Test
  void stopsAtCharacterLimit() {
    KeyTerms limited = KeyTerms.builder().maxChars(22).build();

    KeyTermsResult result = limited.extract("alpha alpha alpha beta beta beta beta beta");

    assertThat(result.truncated()).isTrue();
    assertThat(result.terms()).containsExactly(new TermCount("alpha", 3), new TermCount("beta", 1));
  }

  @Test
  void textOfExactlyTheLimitIsNotTruncated() {
    KeyTerms limited = KeyTerms.builder().maxChars(11).build();

    KeyTermsResult result = limited.extract("alpha gamma");

    assertThat(result.truncated()).isFalse();
    assertThat(result.texts()).containsExactly("alpha", "gamma");
  }

  @Test
  void readsSurrogatePairsSplitBetweenReads() throws IOException {
    // U+1D400 MATHEMATICAL BOLD CAPITAL A is a letter outside the Basic Multilingual Plane.
    String bold = "\uD835\uDC00\uD835\uDC00\uD835\uDC00";
    Reader slowReader = new ChunkedReader(bold + "rd " + bold + "rd", 3);

    KeyTermsResult result = keyTerms.extract(slowReader);

    assertThat(result.terms()).containsExactly(new TermCount(bold + "rd", 2));
  }

  @Test
  void limitsNumberOfTerms() {
    KeyTerms topTwo = KeyTerms.builder().maxTerms(2).build();

    KeyTermsResult result = topTwo.extract("one1 two2 three3 four4");

    assertThat(result.texts()).containsExactly("four4", "one1");
  }

  @Test
  void customStopWordsReplaceEnglishList() {
    KeyTerms custom = KeyTerms.builder().stopWords(Set.of("Budget")).build();

    KeyTermsResult result = custom.extract("the budget and the plan");

    assertThat(result.texts()).containsExactly("the", "and", "plan");
  }

  @Test
  void minLengthOneKeepsShortWords() {
    KeyTerms everything = KeyTerms.builder().minLength(1).stopWords(Set.of()).build();

    KeyTermsResult result = everything.extract("a b a");

    assertThat(result.terms()).containsExactly(new TermCount("a", 2), new TermCount("b", 1));
  }

  @Test
  void emptyTextHasNoTerms() {
    KeyTermsResult result = keyTerms.extract("");

    assertThat(result.terms()).isEmpty();
    assertThat(result.wordCount()).isZero();
    assertThat(result.truncated()).isFalse();
  }

  @Test
  void englishStopWordsContainCommonWords() {
    assertThat(KeyTerms.englishStopWords()).contains("the", "and", "don't", "it's", "between");
    assertThat(KeyTerms.englishStopWords()).doesNotContain("budget", "", "#");
  }

  @Test
  void builderRejectsOutOfRangeSettings() {
    assertThatThrownBy(() -> KeyTerms.builder().maxTerms(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxTerms is 0: expected 1 to 1000.");
    assertThatThrownBy(() -> KeyTerms.builder().minLength(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("minLength is 0: expected 1 to 50.");
    assertThatThrownBy(() -> KeyTerms.builder().maxChars(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxChars is 0: expected at least 1.");
  }

  @Test
  void termCountRejectsZeroCount() {
    assertThatThrownBy(() -> new TermCount("budget", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Invalid term count 'budget' x 0: expected a term and a count >= 1.");
  }

  /** A reader that returns at most a few characters per call, as a network stream may. */
  private static final class ChunkedReader extends Reader {
    private final StringReader text;
    private final int chunk;

    ChunkedReader(String text, int chunk) {
      this.text = new StringReader(text);
      this.chunk = chunk;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
      return text.read(buffer, offset, Math.min(length, chunk));
    }

    @Override
    public void close() {
      text.close();
    }
  }
}
