package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Whatever a caller hands a builder, the result is a card whose JSON parses and reads back
 * unchanged, or one of the documented exceptions with a message.
 */
class CardPropertiesTest {

  /** One call on a builder: an entry text, its times and, for timelines, its image. */
  record EntryCall(int form, String text, double start, double end, String imageUrl) {}

  @Provide
  Arbitrary<Double> seconds() {
    return Arbitraries.frequencyOf(
        Tuple.of(12, Arbitraries.doubles().between(0, 100_000)),
        Tuple.of(2, Arbitraries.doubles().between(-5, 5)),
        Tuple.of(1, Arbitraries.doubles()),
        Tuple.of(
            2,
            Arbitraries.of(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0,
                0.0,
                0.1,
                12.5,
                Double.MAX_VALUE,
                Double.MIN_VALUE,
                9_007_199_254_740_993.0,
                1e300)));
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(8, Arbitraries.strings().ofMinLength(1).ofMaxLength(40)),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(20)),
        Tuple.of(
            2, Arbitraries.strings().withChars(" \t\n\u00a0\u200b\u3000\ufeff").ofMaxLength(5)),
        Tuple.of(
            1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1000).ofMaxLength(4000)),
        Tuple.of(
            2,
            Arbitraries.of(
                "",
                " ",
                "budget",
                "  padded  ",
                "caf\u00e9",
                "\ud83d\ude00",
                "\ud83d",
                "\u65e5\u672c\u8a9e",
                "quote\"back\\slash",
                "\u0000ctl")),
        Tuple.of(1, Arbitraries.just(null)));
  }

  @Provide
  Arbitrary<String> imageUrls() {
    return Arbitraries.frequencyOf(
        Tuple.of(
            10,
            Arbitraries.of(
                "https://img.example.test/a.png",
                "http://img.example.test/b.png?x=1",
                "data:image/png;base64,iVBORw0KGgo=")),
        Tuple.of(
            3,
            Arbitraries.of(
                "data:image/png;base64,@@",
                "data:text/plain;base64,aGk=",
                "ftp://img.example.test/a.png",
                "https:///nohost",
                "not a url",
                " ")),
        Tuple.of(1, Arbitraries.strings().ofMaxLength(30)),
        Tuple.of(1, Arbitraries.just(null)));
  }

  @Provide
  Arbitrary<EntryCall> calls() {
    Arbitrary<Boolean> ordered = Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false));
    return Combinators.combine(
            Arbitraries.integers().between(0, 5),
            texts(),
            seconds(),
            seconds(),
            imageUrls(),
            ordered)
        .as(
            (form, text, start, other, imageUrl, inOrder) ->
                new EntryCall(
                    form, text, start, inOrder ? start + Math.abs(other) : other, imageUrl));
  }

  @Provide
  Arbitrary<List<EntryCall>> callLists() {
    return calls().list().ofMaxSize(8);
  }

  @Property(tries = 10_000)
  void builderGivesValidCardOrDocumentedException(
      @ForAll("callLists") List<EntryCall> calls,
      @ForAll("seconds") double duration,
      @ForAll("texts") String title,
      @ForAll boolean setDuration,
      @ForAll boolean strict,
      @ForAll("cardKinds") int kind) {
    Supplier<SkillCard> build =
        switch (kind) {
          case 0 -> () -> keyword(calls, duration, title, setDuration, strict);
          case 1 -> () -> transcript(calls, duration, title, setDuration, strict);
          case 2 -> () -> timeline(calls, duration, title, setDuration, strict);
          default -> () -> status(calls, title);
        };

    SkillCard card;
    try {
      card = build.get();
    } catch (IllegalArgumentException
        | NullPointerException
        | IllegalStateException
        | NoInfoFoundException
        | ThumbnailException e) {
      assertThat(e.getMessage()).isNotBlank();
      Statistics.collect(e.getClass().getSimpleName());
      return;
    }

    assertValid(card);
    Statistics.collect("valid card");
  }

  @Provide
  Arbitrary<Integer> cardKinds() {
    return Arbitraries.integers().between(0, 3);
  }

  private static void assertValid(SkillCard card) {
    String json = card.toJson();
    JsonNode tree = CardFixtures.tree(json);
    assertThat(tree.isObject()).isTrue();
    assertThat(tree.get("skill_card_type").asText()).isEqualTo(card.cardType());
    assertThat(tree.at("/skill_card_title/message").asText()).isNotBlank();
    if (!(card instanceof StatusCard)) {
      assertThat(tree.get("entries").size()).isPositive();
      for (JsonNode entry : tree.get("entries")) {
        String text = entry.get("text").asText();
        assertThat(text).isNotBlank().isEqualTo(CardText.strip(text));
      }
    }
    SkillCard read = SkillCard.parse(json);
    assertThat(read).isNotInstanceOf(RawCard.class);
    assertThat(read.toJson()).isEqualTo(json);
  }

  private static KeywordCard keyword(
      List<EntryCall> calls, double duration, String title, boolean setDuration, boolean strict) {
    KeywordCard.Builder builder = KeywordCard.builder("10027", "i-1");
    if (title != null) {
      builder.title(title);
    }
    if (setDuration) {
      builder.duration(duration);
    }
    if (strict) {
      builder.rejectBlankEntries();
    }
    for (EntryCall call : calls) {
      switch (call.form()) {
        case 0 -> builder.addEntry(call.text());
        case 1 -> builder.addEntry(call.text(), call.start(), call.end());
        case 2 -> builder.addEntry(call.text(), TimeRange.of(call.start(), call.end()));
        case 3 -> builder.addEntries(CardEntry.of(call.text(), TimeRange.startingAt(call.start())));
        case 4 -> builder.addAllEntries(List.of(CardEntry.of(call.text())));
        default -> builder.addEntries(CardEntry.image(call.text(), call.imageUrl()));
      }
    }
    return builder.build();
  }

  private static TranscriptCard transcript(
      List<EntryCall> calls, double duration, String title, boolean setDuration, boolean strict) {
    TranscriptCard.Builder builder = TranscriptCard.builder("10027", "i-1");
    if (title != null) {
      builder.title(title);
    }
    if (setDuration) {
      builder.duration(duration);
    }
    if (strict) {
      builder.rejectBlankEntries();
    }
    List<TimedWord> words = new ArrayList<>();
    for (EntryCall call : calls) {
      switch (call.form()) {
        case 0 -> builder.addEntry(call.text());
        case 1 -> builder.addEntry(call.text(), call.start(), call.end());
        case 2 -> builder.addEntry(call.text(), call.start());
        case 3 -> builder.addEntry(call.text(), TimeRange.startingAt(call.start()));
        case 4 -> words.add(TimedWord.of(call.text(), call.start(), call.end()));
        default -> words.add(TimedWord.untimed(call.text()));
      }
    }
    builder.addTimedWords(words, TranscriptGrouping.PER_SECOND);
    return builder.build();
  }

  private static TimelineCard timeline(
      List<EntryCall> calls, double duration, String title, boolean setDuration, boolean strict) {
    TimelineCard.Builder builder = TimelineCard.builder("10027", "i-1");
    if (title != null) {
      builder.title(title);
    }
    if (setDuration) {
      builder.duration(duration);
    }
    if (strict) {
      builder.rejectBlankEntries();
    } else {
      builder.allowTextEntries();
    }
    for (EntryCall call : calls) {
      switch (call.form()) {
        case 0 -> builder.addEntry(call.text(), call.imageUrl(), call.start(), call.end());
        case 1 ->
            builder.addEntry(call.text(), call.imageUrl(), TimeRange.of(call.start(), call.end()));
        case 2 -> builder.addEntry(call.text(), TimeRange.of(call.start(), call.end()));
        case 3 ->
            builder.addEntry(
                call.text(),
                call.text() == null ? new byte[0] : call.text().getBytes(StandardCharsets.UTF_8),
                call.start(),
                call.end());
        case 4 ->
            builder.addEntries(
                CardEntry.image(
                    call.text(), call.imageUrl(), TimeRange.of(call.start(), call.end())));
        default -> builder.addAllEntries(List.of(CardEntry.of(call.text())));
      }
    }
    return builder.build();
  }

  private static StatusCard status(List<EntryCall> calls, String title) {
    StatusCard.Builder builder = StatusCard.builder("10027", "i-1");
    if (title != null) {
      builder.title(title);
    }
    for (EntryCall call : calls) {
      switch (call.form()) {
        case 0 -> builder.processing();
        case 1 -> builder.processing(call.text());
        case 2 -> builder.customError(call.text());
        default -> builder.error(SkillsError.fromCode(call.text()));
      }
    }
    return builder.build();
  }
}
