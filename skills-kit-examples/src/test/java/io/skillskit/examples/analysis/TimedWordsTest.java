package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TimedWordsTest {

  /** Recogniser output for "Welcome back. Today we review budgets", with untimed punctuation. */
  private static final List<TimedWord> WELCOME_BACK =
      List.of(
          TimedWord.of("Welcome", 0.20, 0.55),
          TimedWord.of("back", 0.60, 0.90),
          TimedWord.untimed("."),
          TimedWord.of("Today", 1.10, 1.40),
          TimedWord.of("we", 1.45, 1.80),
          TimedWord.of("review", 2.05, 2.50),
          TimedWord.of("budgets", 2.55, 2.90));

  @Test
  void groupsPerSecondAndKeepsLastGroup() {
    Transcript transcript = TimedWords.groupPerSecond(WELCOME_BACK);

    assertThat(transcript.lines())
        .containsExactly(
            new TranscriptLine("Welcome back.", 0, 0.90),
            new TranscriptLine("Today we", 1, 1.80),
            new TranscriptLine("review budgets", 2, 2.90));
    assertThat(transcript.durationSeconds()).isEqualTo(2.9);
  }

  @Test
  void groupsPerSentence() {
    Transcript transcript = TimedWords.groupPerSentence(WELCOME_BACK);

    assertThat(transcript.lines())
        .containsExactly(
            new TranscriptLine("Welcome back.", 0.20, 0.90),
            new TranscriptLine("Today we review budgets", 1.10, 2.90));
  }

  @Test
  void singleWordIsOneLine() {
    Transcript transcript = TimedWords.groupPerSecond(List.of(TimedWord.of("Hello", 4.2, 4.6)));

    assertThat(transcript.lines()).containsExactly(new TranscriptLine("Hello", 4, 4.6));
  }

  @Test
  void sentenceEndsBeforeClosingQuote() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("She", 0.0, 0.2),
            TimedWord.of("said", 0.2, 0.4),
            TimedWord.untimed("\u201C"),
            TimedWord.of("stop!", 0.5, 0.9),
            TimedWord.untimed("\u201D"),
            TimedWord.of("Then", 1.2, 1.4),
            TimedWord.of("silence", 1.5, 2.0),
            TimedWord.untimed("..."));

    Transcript transcript = TimedWords.groupPerSentence(words);

    assertThat(transcript.texts()).containsExactly("She said \u201Cstop!\u201D", "Then silence...");
  }

  @Test
  void untimedTokensBeforeFirstWordJoinFirstLine() {
    List<TimedWord> words =
        List.of(
            TimedWord.untimed("("),
            TimedWord.untimed("laughs"),
            TimedWord.untimed(")"),
            TimedWord.of("Right", 3.5, 3.8),
            TimedWord.untimed(","),
            TimedWord.of("so", 4.05, 4.2));

    Transcript transcript = TimedWords.groupPerSecond(words);

    assertThat(transcript.lines())
        .containsExactly(
            new TranscriptLine("(laughs) Right,", 3, 3.8), new TranscriptLine("so", 4, 4.2));
  }

  @Test
  void blankTokensAreSkipped() {
    List<TimedWord> words =
        List.of(TimedWord.of(" ", 0.0, 0.1), TimedWord.of("word", 0.1, 0.3), TimedWord.untimed(""));

    Transcript transcript = TimedWords.groupPerSecond(words);

    assertThat(transcript.texts()).containsExactly("word");
  }

  @Test
  void emptyInputGivesEmptyTranscript() {
    Transcript transcript = TimedWords.groupPerSentence(List.of());

    assertThat(transcript.lines()).isEmpty();
    assertThat(transcript.durationSeconds()).isZero();
  }

  @Test
  void rejectsWordsWithoutAnyTime() {
    List<TimedWord> words = List.of(TimedWord.untimed("no"), TimedWord.untimed("times"));

    assertThatThrownBy(() -> TimedWords.groupPerSecond(words))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("None of the 2 words has a time: expected at least one timed word.");
  }

  @Test
  void rejectsWordsOutOfTimeOrder() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("late", 2.0, 2.5),
            TimedWord.untimed(","),
            TimedWord.of("early", 1.0, 1.5));

    assertThatThrownBy(() -> TimedWords.groupPerSecond(words))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Word 2 'early' starts at 1.0 s, before word 0 'late' at 2.0 s: expected the words in"
                + " time order.");
  }

  @Test
  void timedWordRejectsInvalidTimes() {
    assertThatThrownBy(() -> new TimedWord("half", 1.0, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid times for word 'half': 1.0 s to NaN s; expected finite times with"
                + " 0 <= start <= end, or no time at all.");
    assertThatThrownBy(() -> TimedWord.of("backwards", 2.0, 1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimedWord.of("nan", Double.NaN, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Word 'nan' has a NaN time: use TimedWord.untimed for a token without time.");
  }

  @Test
  void untimedWordReportsNoTime() {
    assertThat(TimedWord.untimed(".").isTimed()).isFalse();
    assertThat(TimedWord.of("a", 0, 0).isTimed()).isTrue();
    assertThat(TimedWord.untimed(".")).isEqualTo(TimedWord.untimed("."));
  }
}
