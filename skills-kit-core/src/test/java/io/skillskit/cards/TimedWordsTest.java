package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Grouping word-level speech results into transcript entries. */
class TimedWordsTest {

  /** The words of a short recording, 2.9 seconds long, with one untimed full stop. */
  private static final List<TimedWord> RECORDING =
      List.of(
          TimedWord.of("Welcome", 0.20, 0.55),
          TimedWord.of("back", 0.60, 0.90),
          TimedWord.untimed("."),
          TimedWord.of("Today", 1.10, 1.40),
          TimedWord.of("we", 1.45, 1.80),
          TimedWord.of("review", 2.05, 2.50),
          TimedWord.of("budgets", 2.55, 2.90));

  private static List<String> texts(List<CardEntry> entries) {
    return entries.stream().map(CardEntry::text).collect(Collectors.toList());
  }

  private static List<String> words(List<CardEntry> entries) {
    List<String> words = new ArrayList<>();
    for (CardEntry entry : entries) {
      words.addAll(Arrays.asList(entry.text().split(" ")));
    }
    return words;
  }

  @Test
  void perSecondKeepsTheLastGroup() {
    List<CardEntry> entries = TimedWords.group(RECORDING, TranscriptGrouping.PER_SECOND);

    assertThat(texts(entries)).containsExactly("Welcome back.", "Today we", "review budgets");
    assertThat(entries.get(0).appears()).containsExactly(TimeRange.of(0, 0.90));
    assertThat(entries.get(1).appears()).containsExactly(TimeRange.of(1, 1.80));
    assertThat(entries.get(2).appears()).containsExactly(TimeRange.of(2, 2.90));
  }

  @Test
  void everyWordAppearsOnceInOrder() {
    List<CardEntry> entries = TimedWords.group(RECORDING, TranscriptGrouping.PER_SECOND);

    assertThat(words(entries))
        .containsExactly("Welcome", "back.", "Today", "we", "review", "budgets");
  }

  @Test
  void transcriptFromWordsKeepsThreeEntries() {
    TranscriptCard card =
        TranscriptCard.builder(CardFixtures.request())
            .duration(2.9)
            .addTimedWords(RECORDING, TranscriptGrouping.PER_SECOND)
            .build();

    assertThat(card.entries()).hasSize(3);
    assertThat(card.toJson())
        .contains(
            "\"entries\":[{\"text\":\"Welcome back.\",\"type\":\"text\","
                + "\"appears\":[{\"start\":0,\"end\":0.9}]},{\"text\":\"Today"
                + " we\",\"type\":\"text\",\"appears\":[{\"start\":1,\"end\":1.8}]},{\"text\":\"review"
                + " budgets\",\"type\":\"text\","
                + "\"appears\":[{\"start\":2,\"end\":2.9}]}],\"duration\":2.9}");
  }

  @Test
  void callerListIsNotChanged() {
    List<TimedWord> words = new ArrayList<>(RECORDING);

    TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(words).isEqualTo(RECORDING);
  }

  @Test
  void threeEntriesInGiveThreeEntriesOut() {
    TranscriptCard card =
        TranscriptCard.builder(CardFixtures.request())
            .duration(2.9)
            .addEntry("Welcome back.", 0, 0.9)
            .addEntry("Today we", 1, 1.8)
            .addEntry("review budgets", 2, 2.9)
            .build();

    assertThat(texts(card.entries()))
        .containsExactly("Welcome back.", "Today we", "review budgets");
    assertThat(card.duration()).hasValue(2.9);
  }

  @Test
  void perSentenceSplitsAfterTerminators() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("Hello", 0.5, 0.9),
            TimedWord.of("there", 1.0, 1.3),
            TimedWord.untimed("!"),
            TimedWord.of("Ready", 2.2, 2.6),
            TimedWord.of("now?\"", 2.7, 3.1),
            TimedWord.of("Yes", 4.0, 4.2));

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SENTENCE);

    assertThat(texts(entries)).containsExactly("Hello there!", "Ready now?\"", "Yes");
    assertThat(entries.get(0).appears()).containsExactly(TimeRange.of(0.5, 1.3));
    assertThat(entries.get(1).appears()).containsExactly(TimeRange.of(2.2, 3.1));
    assertThat(entries.get(2).appears()).containsExactly(TimeRange.of(4.0, 4.2));
  }

  @Test
  void closingPunctuationJoinsPreviousWord() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("Well", 0.1, 0.3),
            TimedWord.untimed(","),
            TimedWord.untimed("("),
            TimedWord.of("maybe", 0.4, 0.6),
            TimedWord.untimed(")"),
            TimedWord.untimed("\u00bf"),
            TimedWord.of("s\u00ed", 0.7, 0.8),
            TimedWord.untimed("?"),
            TimedWord.untimed("\u2026"));

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(texts(entries)).containsExactly("Well, ( maybe) \u00bf s\u00ed?\u2026");
  }

  @Test
  void whitespaceIsNormalised() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("  two\t words ", 0, 0.5),
            TimedWord.of("\u00a0", 0.5, 0.6),
            TimedWord.of("", 0.6, 0.7),
            TimedWord.of("and\u200b", 0.7, 0.8),
            TimedWord.of("more", 0.8, 0.9));

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(texts(entries)).containsExactly("two words and more");
  }

  @Test
  void leadingUntimedWordsJoinFirstEntry() {
    List<TimedWord> words =
        List.of(
            TimedWord.untimed("So"),
            TimedWord.untimed(","),
            TimedWord.of("then", 3.2, 3.5),
            TimedWord.startingAt("stop", 4.1));

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(texts(entries)).containsExactly("So, then", "stop");
    assertThat(entries.get(0).appears()).containsExactly(TimeRange.of(3, 3.5));
    assertThat(entries.get(1).appears()).containsExactly(TimeRange.of(4, 4.1));
  }

  @Test
  void untimedWordsOnlyGiveOneEntryWithoutTiming() {
    List<CardEntry> entries =
        TimedWords.group(
            List.of(TimedWord.untimed("no"), TimedWord.untimed("times")),
            TranscriptGrouping.PER_SECOND);
    List<CardEntry> sentences =
        TimedWords.group(
            List.of(TimedWord.untimed("no"), TimedWord.untimed("times.")),
            TranscriptGrouping.PER_SENTENCE);

    assertThat(entries).containsExactly(CardEntry.of("no times"));
    assertThat(sentences).containsExactly(CardEntry.of("no times."));
  }

  @Test
  void emptyAndBlankInputGiveNoEntries() {
    assertThat(TimedWords.group(List.of(), TranscriptGrouping.PER_SECOND)).isEmpty();
    assertThat(
            TimedWords.group(
                List.of(TimedWord.untimed(" "), TimedWord.of("", 1, 2)),
                TranscriptGrouping.PER_SENTENCE))
        .isEmpty();
  }

  @Test
  void wordsGoingBackInTimeStartNewEntry() {
    List<TimedWord> words =
        List.of(
            TimedWord.of("a", 5.1, 5.2), TimedWord.of("b", 3.5, 3.6), TimedWord.of("c", 5.5, 5.9));

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(texts(entries)).containsExactly("a", "b", "c");
  }

  @Test
  void thousandsOfWordsKeepEveryWord() {
    List<TimedWord> words = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      words.add(TimedWord.of("w" + i, i * 0.3, i * 0.3 + 0.25));
    }

    List<CardEntry> entries = TimedWords.group(words, TranscriptGrouping.PER_SECOND);

    assertThat(words(entries)).hasSize(5000).startsWith("w0").endsWith("w4999");
    assertThat(entries.get(entries.size() - 1).appears().get(0).start()).isEqualTo(1499.0);
  }

  @Test
  void rejectsInvalidWordTimes() {
    assertThatThrownBy(() -> TimedWord.of("x", 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid time for word 'x': start 2 is after end 1");
    assertThatThrownBy(() -> TimedWord.of("x", Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid time for word 'x': start NaN is not a finite number of seconds");
    assertThatThrownBy(() -> TimedWord.startingAt("x", -0.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "invalid time for word 'x': start -0.5 is negative; expected seconds from the start");
    assertThatThrownBy(() -> TimedWord.untimed(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("text");
  }

  @Test
  void rejectsNullArguments() {
    assertThatThrownBy(() -> TimedWords.group(null, TranscriptGrouping.PER_SECOND))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("words");
    assertThatThrownBy(() -> TimedWords.group(List.of(), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("grouping");
    assertThatThrownBy(
            () ->
                TimedWords.group(
                    Arrays.asList(RECORDING.get(0), null), TranscriptGrouping.PER_SECOND))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("words[1] is null");
  }

  @Test
  void wordAccessorsAndText() {
    TimedWord word = TimedWord.of("Welcome", 0.2, 0.55);
    TimedWord open = TimedWord.startingAt("back", 0.6);

    assertThat(word.text()).isEqualTo("Welcome");
    assertThat(word.start()).hasValue(0.2);
    assertThat(word.end()).hasValue(0.55);
    assertThat(open.end()).isEmpty();
    assertThat(TimedWord.untimed(".").start()).isEmpty();
    assertThat(word).isEqualTo(TimedWord.of("Welcome", 0.2, 0.55)).isNotEqualTo(open);
    assertThat(word.toString()).isEqualTo("Welcome@0.2-0.55");
    assertThat(open.toString()).isEqualTo("back@0.6-");
    assertThat(TimedWord.untimed(".").toString()).isEqualTo(".@untimed");
  }
}
