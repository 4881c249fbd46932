package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.SkillsRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One blank label from an analysis service must not cost the whole card. */
class BlankEntriesTest {

  private final SkillsRequest request = CardFixtures.request();

  /** Returns the entries of one analysis run: two good lines and three blank ones. */
  private static List<CardEntry> mixedEntries() {
    return new ArrayList<>(
        Arrays.asList(
            CardEntry.of("Alpha", TimeRange.of(0, 1)),
            CardEntry.of("   "),
            CardEntry.of(""),
            CardEntry.of(null),
            CardEntry.of("  Beta  ")));
  }

  @Test
  void dropsBlankEntriesAndTrimsTheRest() {
    List<CardEntry> entries = mixedEntries();
    List<CardEntry> before = List.copyOf(entries);

    TranscriptCard card;
    List<String> warnings;
    try (LogCapture log = LogCapture.of(TranscriptCard.class)) {
      card = TranscriptCard.builder(request).duration(12.5).addAllEntries(entries).build();
      warnings = log.warnings();
    }

    assertThat(CardFixtures.tree(card.toJson()).get("entries"))
        .isEqualTo(
            CardFixtures.tree(
                "[{\"type\":\"text\",\"text\":\"Alpha\",\"appears\":[{\"start\":0,\"end\":1}]},"
                    + "{\"type\":\"text\",\"text\":\"Beta\"}]"));
    assertThat(card.duration()).hasValue(12.5);
    assertThat(warnings)
        .containsExactly(
            "Dropped 3 of 5 transcript entries for blank text, at indexes [1, 2, 3]",
            "1 of 2 transcript entries have no appears although the card has a duration, at"
                + " indexes [4]");
    assertThat(String.join("\n", warnings)).doesNotContain("Alpha").doesNotContain("Beta");
    assertThat(entries).isEqualTo(before);
    assertThat(entries.get(4).text()).isEqualTo("  Beta  ");
  }

  @Test
  void sameRulesApplyToEachCardType() {
    KeywordCard keyword =
        KeywordCard.builder(request).addEntry("a").addEntry(" ").addEntry(null).build();
    TimelineCard timeline =
        TimelineCard.builder(request)
            .addEntry("\t", "https://img.example.test/a.png", 0, 1)
            .addEntry(" b ", "https://img.example.test/b.png", 0, 1)
            .build();

    assertThat(keyword.entries()).containsExactly(CardEntry.of("a"));
    assertThat(timeline.entries())
        .containsExactly(
            CardEntry.image("b", "https://img.example.test/b.png", TimeRange.of(0, 1)));
  }

  @Test
  void noWarningWithoutDurationOrWithTiming() {
    List<String> warnings;
    try (LogCapture log = LogCapture.of(KeywordCard.class)) {
      KeywordCard.builder(request).addEntry("no duration").build();
      KeywordCard.builder(request).duration(9).addEntry("timed", 1, 2).build();
      warnings = log.warnings();
    }

    assertThat(warnings).isEmpty();
  }

  @Test
  void allBlankEntriesMeanNoInformationFound() {
    TranscriptCard.Builder builder =
        TranscriptCard.builder(request).addEntry(" ").addEntry("").addEntry(null, 1.0);

    assertThatThrownBy(builder::build)
        .isInstanceOf(NoInfoFoundException.class)
        .hasMessage("transcript card 'Transcript' has no entries: all 3 entries had blank text")
        .satisfies(
            e ->
                assertThat(((NoInfoFoundException) e).error())
                    .isEqualTo(SkillsError.NO_INFO_FOUND));
  }

  @Test
  void noEntriesMeanNoInformationFound() {
    assertThatThrownBy(() -> KeywordCard.builder(request).title("Labels").build())
        .isInstanceOf(NoInfoFoundException.class)
        .hasMessage("keyword card 'Labels' has no entries: no entries were added");
  }

  @Test
  void noInfoFoundTurnsIntoErrorCard() {
    StatusCard errorCard;
    try {
      KeywordCard.builder(request).addEntry("  ").build();
      throw new AssertionError("build() should have thrown");
    } catch (NoInfoFoundException e) {
      errorCard = StatusCard.error(request, e.error());
    }

    assertThat(CardFixtures.tree(errorCard.toJson()).at("/status/code").asText())
        .isEqualTo("skills_no_info_found");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        " ",
        "\t\n",
        "\r\n ",
        "\u00a0",
        "\u2007",
        "\u202f",
        "\u3000",
        "\u200b",
        "\ufeff",
        "\u2028",
        "\u0000",
        " \u200b\u00a0 "
      })
  void treatsEveryInvisibleTextAsBlank(String text) {
    KeywordCard card = KeywordCard.builder(request).addEntry(text).addEntry("kept").build();

    assertThat(card.entries()).containsExactly(CardEntry.of("kept"));
  }

  @Test
  void trimsInvisibleCharactersAroundVisibleText() {
    KeywordCard card =
        KeywordCard.builder(request)
            .addEntry("\u200b\u00a0caf\u00e9\u3000")
            .addEntry(" \u65e5\u672c ")
            .addEntry("a  b")
            .build();

    assertThat(card.entries())
        .containsExactly(
            CardEntry.of("caf\u00e9"), CardEntry.of("\u65e5\u672c"), CardEntry.of("a  b"));
  }

  @Test
  void strictModeRejectsBlankText() {
    assertThatThrownBy(
            () ->
                TranscriptCard.builder(request)
                    .rejectBlankEntries()
                    .addAllEntries(mixedEntries())
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("transcript entry 1 text must not be blank, got '   '");
    assertThatThrownBy(
            () ->
                KeywordCard.builder(request)
                    .rejectBlankEntries()
                    .addEntry("a")
                    .addEntry(null)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyword entry 1 text must not be blank, got null");
  }

  @Test
  void strictModeStillTrims() {
    KeywordCard card = KeywordCard.builder(request).rejectBlankEntries().addEntry(" a ").build();

    assertThat(card.entries()).containsExactly(CardEntry.of("a"));
  }

  @Test
  void invalidTimesFailEvenNextToBlankEntries() {
    KeywordCard.Builder builder =
        KeywordCard.builder(request).addEntry(" ", 5, 1).addEntry("b", 5, 1);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyword entry 1 has an invalid time: start 5 is after end 1");
  }
}
