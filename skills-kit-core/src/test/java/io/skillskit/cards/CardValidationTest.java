package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Checks made by the card builders, and their messages. */
class CardValidationTest {

  private final SkillsRequest request = CardFixtures.request();

  private static String code(String title) {
    return KeywordCard.builder("1", "2")
        .title(title)
        .addEntry("a")
        .build()
        .titleCode()
        .orElseThrow();
  }

  @Test
  void titleCodeReplacesEveryRunOfSpaces() {
    assertThat(code("My Card Title")).isEqualTo("skills_my_card_title");
    assertThat(code("  Key\t\tPhrases  ")).isEqualTo("skills_key_phrases");
    assertThat(code("Topics\u00a0Now")).isEqualTo("skills_topics_now");
    assertThat(code("Topics (revised)")).isEqualTo("skills_topics_(revised)");
    assertThat(code("Topics")).isEqualTo("skills_topics");
  }

  @Test
  void titleIsTrimmed() {
    KeywordCard card = KeywordCard.builder(request).title("  Key Phrases \n").addEntry("a").build();

    assertThat(card.title()).isEqualTo("Key Phrases");
  }

  @Test
  void titleCodeIgnoresDefaultLocale() {
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.forLanguageTag("tr-TR"));
    try {
      assertThat(code("TITLE")).isEqualTo("skills_title");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void explicitTitleCodeWins() {
    KeywordCard card =
        KeywordCard.builder(request)
            .title("My Card")
            .titleCode(" custom_code ")
            .addEntry("a")
            .build();

    assertThat(card.titleCode()).contains("custom_code");
    assertThat(card.title()).isEqualTo("My Card");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN|0|transcript entry 0 has an invalid time: start NaN is not a finite number of seconds",
        "Infinity|0|transcript entry 0 has an invalid time: start Infinity is not a finite number"
            + " of seconds",
        "-1|0|transcript entry 0 has an invalid time: start -1 is negative; expected seconds from"
            + " the start",
        "-0.5|2|transcript entry 0 has an invalid time: start -0.5 is negative; expected seconds"
            + " from the start",
        "0|-Infinity|transcript entry 0 has an invalid time: end -Infinity is not a finite number"
            + " of seconds",
        "0|-3|transcript entry 0 has an invalid time: end -3 is negative; expected seconds from the"
            + " start",
        "5|1.5|transcript entry 0 has an invalid time: start 5 is after end 1.5",
      })
  void rejectsInvalidTimesNamingEntryAndValue(double start, double end, String message) {
    TranscriptCard.Builder builder = TranscriptCard.builder(request).addEntry("a", start, end);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void namesTheIndexOfTheBadEntry() {
    KeywordCard.Builder builder =
        KeywordCard.builder(request).addEntry("a").addEntry("b", 1, 2).addEntry("c", 3, 2);

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyword entry 2 has an invalid time: start 3 is after end 2");
  }

  @Test
  void acceptsEmptyRangeAndNegativeZero() {
    TranscriptCard card =
        TranscriptCard.builder(request).addEntry("a", 4, 4).addEntry("b", -0.0).build();

    assertThat(card.entries().get(0).appears()).containsExactly(TimeRange.of(4, 4));
    assertThat(card.toJson()).contains("{\"start\":0}");
  }

  @Test
  void timeRangeChecksItsValues() {
    assertThatThrownBy(() -> TimeRange.of(5, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid time range: start 5 is after end 1");
    assertThatThrownBy(() -> TimeRange.of(Double.NaN, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid time range: start NaN is not a finite number of seconds");
    assertThatThrownBy(() -> TimeRange.startingAt(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invalid time range: start -Infinity is not a finite number of seconds");
    assertThat(TimeRange.of(-0.0, 0).start()).isEqualTo(0.0);
    assertThat(Double.doubleToRawLongBits(TimeRange.of(-0.0, 0).start())).isZero();
    assertThat(TimeRange.of(1, 2.5).toString()).isEqualTo("1-2.5");
    assertThat(TimeRange.startingAt(3).toString()).isEqualTo("3-");
    assertThat(TimeRange.startingAt(3).end()).isEmpty();
    assertThat(TimeRange.of(1, 2))
        .isEqualTo(TimeRange.of(1.0, 2.0))
        .hasSameHashCodeAs(TimeRange.of(1, 2));
    assertThat(TimeRange.of(1, 2)).isNotEqualTo(TimeRange.startingAt(1));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NaN|keyword card duration NaN is invalid; expected a finite number of seconds, not"
            + " negative",
        "-1|keyword card duration -1 is invalid; expected a finite number of seconds, not negative",
        "Infinity|keyword card duration Infinity is invalid; expected a finite number of seconds,"
            + " not negative",
      })
  void rejectsInvalidDuration(double duration, String message) {
    KeywordCard.Builder builder = KeywordCard.builder(request).duration(duration).addEntry("a");

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsBlankTitleAndTitleCode() {
    assertThatThrownBy(() -> KeywordCard.builder(request).title(" \t").addEntry("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyword card title must not be blank, got ' \t'");
    assertThatThrownBy(() -> TimelineCard.builder(request).titleCode("").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeline card title code must not be blank, got ''");
    assertThatThrownBy(() -> StatusCard.builder(request).title("\u200b").processing().build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status card title must not be blank, got '\u200b'");
  }

  @Test
  void rejectsUnpairedSurrogates() {
    assertThatThrownBy(() -> KeywordCard.builder(request).addEntry("ab\ud83d").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "keyword entry 0 text has an unpaired UTF-16 surrogate at index 2; expected valid"
                + " Unicode text");
    assertThatThrownBy(() -> KeywordCard.builder(request).title("\ude00x").addEntry("a").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "keyword card title has an unpaired UTF-16 surrogate at index 0; expected valid"
                + " Unicode text");
  }

  @Test
  void timelineEntriesNeedAnImage() {
    TimelineCard.Builder builder =
        TimelineCard.builder(request)
            .addEntry("Speaker 1", "https://img.example.test/a.png", TimeRange.of(0, 1))
            .addEntry("Speaker 2", TimeRange.of(1, 2));

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "timeline entry 1 has no image; Box requires an image_url on every timeline entry."
                + " Add an image or call allowTextEntries() to write it as a text entry");
  }

  @Test
  void timelineEntriesNeedARangeWithEnd() {
    assertThatThrownBy(
            () ->
                TimelineCard.builder(request)
                    .addEntries(CardEntry.image("x", "https://img.example.test/a.png"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeline entry 0 has no appears; a timeline entry needs a time range");
    assertThatThrownBy(
            () ->
                TimelineCard.builder(request)
                    .addEntry("x", "https://img.example.test/a.png", TimeRange.startingAt(5))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "timeline entry 0 appears[0] 5- has no end; timeline entries need start and end");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "' '|timeline entry 0 image_url ' ' is blank",
        "ftp://img.example.test/a.png|timeline entry 0 image_url 'ftp://img.example.test/a.png'"
            + " is not an http(s) URL or a data:image URI",
        "/relative/a.png|timeline entry 0 image_url '/relative/a.png' is not an http(s) URL or a"
            + " data:image URI",
        "https:///a.png|timeline entry 0 image_url 'https:///a.png' has no host",
        "http://bad host/a.png|timeline entry 0 image_url 'http://bad host/a.png' is not a valid"
            + " URI (Illegal character in authority at index 7)",
        "data:text/plain;base64,aGk=|timeline entry 0 image_url 'data:text/plain;base64,...(27"
            + " chars)' is a data URI of type 'text/plain;base64'; expected an image/ type",
        "data:image/png,abc|timeline entry 0 image_url 'data:image/png,...(18 chars)' is a data"
            + " URI without ;base64; expected base64 image data",
        "data:image/png;base64,|timeline entry 0 image_url 'data:image/png;base64,...(22 chars)'"
            + " is a data URI with no data",
        "data:image/png;base64,@@@|timeline entry 0 image_url 'data:image/png;base64,...(25"
            + " chars)' is a data URI whose data is not valid base64 (Illegal base64 character"
            + " 40)",
        "data:image/png|timeline entry 0 image_url 'data:image/png,...(14 chars)' is a data URI"
            + " without a comma before its data",
        "https://user:secret@img.example.test/a.png?sig=SECRET|timeline entry 0 image_url"
            + " 'https://img.example.test/a.png' has no host",
      })
  void rejectsInvalidImageUrls(String url, String message) {
    TimelineCard.Builder builder = TimelineCard.builder(request).addEntry("x", url, 0, 1);

    if (url.contains("secret@")) {
      // a valid URL with credentials passes; the message check covers describing it
      assertThat(builder.build().entries()).hasSize(1);
      assertThat(CardEntry.describeUrl(url)).isEqualTo("https://img.example.test/a.png");
      return;
    }
    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void onlyTimelineEntriesCarryImages() {
    assertThatThrownBy(
            () ->
                KeywordCard.builder(request)
                    .addEntries(CardEntry.image("x", "https://img.example.test/a.png?t=SECRET"))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "keyword entry 0 has an image_url; only timeline entries carry images, got"
                + " https://img.example.test/a.png");
    assertThatThrownBy(
            () ->
                TranscriptCard.builder(request)
                    .addAllEntries(List.of(CardEntry.image("x", "data:image/png;base64,AAAA")))
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("transcript entry 0 has an image_url;");
  }

  @Test
  void keywordRangesNeedAnEnd() {
    assertThatThrownBy(
            () -> KeywordCard.builder(request).addEntry("x", TimeRange.startingAt(2)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("keyword entry 0 appears[0] 2- has no end; keyword entries need start and end");
  }

  @Test
  void statusCardNeedsAStatus() {
    assertThatThrownBy(() -> StatusCard.builder(request).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "status card has no status; call processing(), error(SkillsError) or"
                + " customError(String) before build()");
  }

  @Test
  void rejectsNullArgumentsByName() {
    assertThatThrownBy(() -> KeywordCard.builder((SkillsRequest) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("request");
    assertThatThrownBy(() -> TranscriptCard.builder(null, "i"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("skillId");
    assertThatThrownBy(() -> TimelineCard.builder("s", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("invocationId");
    assertThatThrownBy(() -> StatusCard.builder(" ", "i"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skillId must not be blank, got ' '");
    assertThatThrownBy(() -> KeywordCard.builder(request).title(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("title");
    assertThatThrownBy(() -> KeywordCard.builder(request).titleCode(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("titleCode");
    assertThatThrownBy(() -> KeywordCard.builder(request).clock(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("clock");
    assertThatThrownBy(() -> KeywordCard.builder(request).addEntry("x", (TimeRange[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("appears");
    assertThatThrownBy(() -> KeywordCard.builder(request).addEntry("x", TimeRange.of(0, 1), null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("appears[1] is null");
    assertThatThrownBy(() -> KeywordCard.builder(request).addAllEntries(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entries");
    assertThatThrownBy(
            () ->
                KeywordCard.builder(request).addAllEntries(Arrays.asList(CardEntry.of("a"), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entries[1] is null");
    assertThatThrownBy(() -> KeywordCard.builder(request).addEntries((CardEntry[]) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("entries");
    assertThatThrownBy(
            () -> TimelineCard.builder(request).addEntry("x", (byte[]) null, TimeRange.of(0, 1)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("image");
    assertThatThrownBy(() -> TimelineCard.builder(request).addEntry("x", (String) null, 0, 1))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("imageUrl");
    assertThatThrownBy(() -> CardEntry.image("x", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("imageUrl");
    assertThatThrownBy(() -> CardEntry.of("x", (List<TimeRange>) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("appears");
    assertThatThrownBy(() -> StatusCard.builder(request).error((SkillsError) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("error");
    assertThatThrownBy(() -> StatusCard.builder(request).customError(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
    assertThatThrownBy(() -> TranscriptCard.builder(request).addTimedWords(null, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("words");
  }

  @Test
  void callerListsCanChangeAfterAddingAndBuilding() {
    List<CardEntry> entries = new ArrayList<>(List.of(CardEntry.of("a"), CardEntry.of("b")));
    List<TimeRange> ranges = new ArrayList<>(List.of(TimeRange.of(0, 1)));
    CardEntry withRanges = CardEntry.of("c", ranges);
    KeywordCard.Builder builder = KeywordCard.builder(request).addAllEntries(entries);
    builder.addEntries(withRanges);

    entries.add(CardEntry.of("late"));
    entries.set(0, CardEntry.of("changed"));
    ranges.add(TimeRange.of(5, 6));
    KeywordCard card = builder.build();
    entries.clear();

    assertThat(card.entries())
        .containsExactly(
            CardEntry.of("a"), CardEntry.of("b"), CardEntry.of("c", TimeRange.of(0, 1)));
    assertThat(withRanges.appears()).containsExactly(TimeRange.of(0, 1));
    assertThatThrownBy(() -> card.entries().add(CardEntry.of("x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void builderCanBuildAgainWithoutChangingEarlierCards() {
    Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    KeywordCard.Builder builder = KeywordCard.builder(request).clock(clock).addEntry("a");

    KeywordCard first = builder.build();
    KeywordCard second = builder.build();
    KeywordCard third = builder.addEntry("b").build();

    assertThat(second).isEqualTo(first);
    assertThat(first.entries()).hasSize(1);
    assertThat(third.entries()).hasSize(2);
  }

  @Test
  void buildsThousandEntryTranscript() {
    TranscriptCard.Builder builder = TranscriptCard.builder(request).duration(3000);
    for (int i = 0; i < 1000; i++) {
      builder.addEntry("Line number " + i + " of the meeting.", i * 3, i * 3 + 2.5);
    }

    TranscriptCard card = builder.build();

    assertThat(card.entries()).hasSize(1000);
    assertThat(CardFixtures.tree(card.toJson()).get("entries")).hasSize(1000);
    assertThat(card.toJson()).contains("{\"start\":2997,\"end\":2999.5}");
  }

  @Test
  void keepsHugeTexts() {
    String huge = "word ".repeat(200_000).trim();

    KeywordCard card = KeywordCard.builder(request).addEntry(huge).build();

    assertThat(CardFixtures.tree(card.toJson()).at("/entries/0/text").asText()).isEqualTo(huge);
    assertThat(card.entries().get(0).toString()).hasSizeLessThan(200);
  }

  @Test
  void entryDescriptionHidesQueryStrings() {
    CardEntry entry =
        CardEntry.image("Speaker", "https://img.example.test/a.png?sig=SECRET", TimeRange.of(0, 1));

    assertThat(entry.toString())
        .isEqualTo(
            "CardEntry[text=Speaker, imageUrl=https://img.example.test/a.png, appears=[0-1]]");
    assertThat(CardEntry.of("x").toString()).isEqualTo("CardEntry[text=x]");
  }
}
