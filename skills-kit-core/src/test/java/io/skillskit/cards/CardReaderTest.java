package io.skillskit.cards;

import static io.skillskit.cards.CardFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.request.SkillsRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CardReaderTest {

  private final SkillsRequest request = CardFixtures.request();

  private static final String KEYWORD_CARD =
      "{\"created_at\":\"2026-03-14T16:27:05.417Z\",\"type\":\"skill_card\","
          + "\"skill\":{\"type\":\"service\",\"id\":\"10027\"},\"skill_card_type\":\"keyword\","
          + "\"skill_card_title\":{\"code\":\"skills_topics\",\"message\":\"Topics\"},"
          + "\"invocation\":{\"type\":\"skill_invocation\",\"id\":\"i-1\"},\"status\":{},"
          + "\"entries\":[{\"text\":\"budget\",\"type\":\"text\"}]}";

  @Test
  void readsGetResponseIntoTypedCards() {
    SkillCardsMetadata metadata =
        SkillCards.fromMetadata(CardFixtures.bytes("responses/boxskillscards-get.json"));

    assertThat(metadata.id()).contains("6f3e2d1c-0b9a-4876-9543-210fedcba987");
    assertThat(metadata.parent()).contains("file_1402003004005");
    assertThat(metadata.scope()).contains("global");
    assertThat(metadata.template()).contains("boxSkillsCards");
    assertThat(metadata.type()).contains("boxSkillsCards-0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d");
    assertThat(metadata.typeVersion()).hasValue(2);
    assertThat(metadata.version()).hasValue(0);
    assertThat(metadata.canEdit()).contains(true);
    assertThat(metadata.cards())
        .hasExactlyElementsOfTypes(KeywordCard.class, TranscriptCard.class, TimelineCard.class);
    assertThat(metadata.cards())
        .containsExactly(
            CardGoldenTest.keywordCard(request),
            CardGoldenTest.transcriptCard(request),
            CardGoldenTest.timelineCard(request));
  }

  @Test
  void readsGetResponseFromText() {
    SkillCardsMetadata metadata =
        SkillCards.fromMetadata(CardFixtures.text("responses/boxskillscards-get.json"));

    TimelineCard faces = (TimelineCard) metadata.cards().get(2);

    assertThat(faces.entries().get(0).imageUrl().orElseThrow())
        .startsWith("data:image/png;base64,iVBORw0KGgo");
    assertThat(faces.entries().get(0).type()).isEqualTo("image");
    assertThat(faces.duration()).hasValue(1834);
    assertThat(metadata.toString())
        .isEqualTo(
            "SkillCardsMetadata[id=6f3e2d1c-0b9a-4876-9543-210fedcba987, version=0, cards=3]");
  }

  @Test
  void readsEveryCardFixtureAndWritesItBack() {
    for (String name :
        List.of(
            "keyword-card.json",
            "timeline-card.json",
            "transcript-card.json",
            "status-card.json",
            "status-card-error.json",
            "status-card-minimal-openapi.json")) {
      JsonNode fixture = CardFixtures.json("cards/" + name);

      SkillCard card = SkillCard.parse(CardFixtures.text("cards/" + name));

      assertThat(card).as(name).isNotInstanceOf(RawCard.class);
      assertThat(CardFixtures.tree(card.toJson())).as(name).isEqualTo(fixture);
    }
  }

  @Test
  void readsMinimalOpenApiStatusCard() {
    SkillCard card = SkillCard.parse(CardFixtures.text("cards/status-card-minimal-openapi.json"));

    assertThat(card).isInstanceOf(StatusCard.class);
    StatusCard status = (StatusCard) card;
    assertThat(status.statusCode()).isEqualTo("processing");
    assertThat(status.statusMessage()).isEmpty();
    assertThat(status.title()).isEqualTo("Status");
    assertThat(status.titleCode()).isEmpty();
    assertThat(status.createdAt()).isEmpty();
    assertThat(status.isProcessing()).isTrue();
    assertThat(status.isError()).isFalse();
    assertThat(status.skillsError()).isEmpty();
    assertThat(status.toJson()).doesNotContain("created_at").doesNotContain("\"code\":\"skills_");
  }

  @Test
  void readsStatusFixturesWithTheirKind() {
    StatusCard processing =
        (StatusCard) SkillCard.parse(CardFixtures.text("cards/status-card.json"));
    StatusCard error =
        (StatusCard) SkillCard.parse(CardFixtures.text("cards/status-card-error.json"));

    assertThat(processing.isProcessing()).isTrue();
    assertThat(processing.statusMessage())
        .contains("We're preparing to process your file. Please hold on!");
    assertThat(error.isError()).isTrue();
    assertThat(error.skillsError()).contains(SkillsError.FILE_PROCESSING_ERROR);
  }

  @Test
  void roundTripsEveryBuiltCardExactly() {
    List<SkillCard> cards =
        List.of(
            CardGoldenTest.keywordCard(request),
            CardGoldenTest.transcriptCard(request),
            CardGoldenTest.timelineCard(request),
            StatusCard.builder(request).processing().clock(CLOCK).build(),
            StatusCard.builder(request).error(SkillsError.BILLING_ERROR).clock(CLOCK).build(),
            StatusCard.builder(request).customError("Provider quota exceeded").build(),
            TranscriptCard.builder(request)
                .duration(12.5)
                .addEntry("a", 0.125)
                .addEntry("b", 1.5, 2.75)
                .addEntry("c")
                .build(),
            TimelineCard.builder(request)
                .allowTextEntries()
                .addEntry("speech", TimeRange.of(0, 4.5), TimeRange.of(6, 6))
                .build());

    for (SkillCard card : cards) {
      String json = card.toJson();

      SkillCard read = SkillCard.parse(json);

      assertThat(read).as(json).isEqualTo(card);
      assertThat(read.toJson()).as(json).isEqualTo(json);
    }
  }

  @Test
  void roundTripsDoublesThatJava17PrintsWithExtraDigits() {
    // Java 17's Double.toString prints 2.82879384806159E17 with two extra digits
    double[] values = {2.82879384806159E17, 1.0E23, 4.9E-324, 0.1 + 0.2, 1234567.891, 1e-7};
    for (double value : values) {
      TranscriptCard card = TranscriptCard.builder(request).duration(value).addEntry("a").build();

      SkillCard read = SkillCard.parse(card.toJson());

      assertThat(read).as("%s", value).isInstanceOf(TranscriptCard.class);
      assertThat(((TranscriptCard) read).duration()).hasValue(value);
      assertThat(read.toJson()).isEqualTo(card.toJson());
    }
  }

  @Test
  void cardsDocumentRoundTrips() {
    List<SkillCard> cards =
        List.of(CardGoldenTest.keywordCard(request), StatusCard.processing(request));

    String document = SkillCards.toCardsDocument(cards);
    SkillCardsMetadata read = SkillCards.fromMetadata(document);

    assertThat(read.cards()).isEqualTo(cards);
    assertThat(read.id()).isEmpty();
    assertThat(read.version()).isEmpty();
    assertThat(read.canEdit()).isEmpty();
    assertThat(SkillCards.toCardsDocument(read.cards())).isEqualTo(document);
  }

  @Test
  void emptyCardListMakesEmptyDocument() {
    assertThat(SkillCards.toCardsDocument(List.of())).isEqualTo("{\"cards\":[]}");
    assertThat(SkillCards.fromMetadata("{\"$id\":\"x\"}").cards()).isEmpty();
  }

  @Test
  void keepsUnknownCardTypeRaw() {
    String json =
        "{\"type\":\"skill_card\",\"skill_card_type\":\"faces\",\"extra\":{\"score\":12.50},"
            + "\"entries\":[{\"text\":\"x\",\"confidence\":0.30000000000000001}]}";

    SkillCard card = SkillCard.parse(json);

    assertThat(card).isInstanceOf(RawCard.class);
    RawCard raw = (RawCard) card;
    assertThat(raw.cardType()).isEqualTo("faces");
    assertThat(raw.reason()).isEqualTo("unknown skill_card_type 'faces'");
    assertThat(raw.toJson()).isEqualTo(json);
    assertThat(raw.toString())
        .isEqualTo("RawCard[cardType=faces, reason=unknown skill_card_type 'faces']");
  }

  @Test
  void keepsKnownTypeWithUnknownFieldRaw() {
    String json = KEYWORD_CARD.replace("\"status\":{}", "\"status\":{},\"language\":\"en\"");

    SkillCard card = SkillCard.parse(json);

    assertThat(card).isInstanceOf(RawCard.class);
    assertThat(((RawCard) card).reason()).isEqualTo("field 'language' is not part of a typed card");
    assertThat(card.cardType()).isEqualTo("keyword");
    assertThat(card.toJson()).isEqualTo(json);
  }

  @Test
  void readsPlainKeywordCard() {
    SkillCard card = SkillCard.parse(KEYWORD_CARD);

    assertThat(card).isInstanceOf(KeywordCard.class);
    assertThat(card.toJson()).isEqualTo(KEYWORD_CARD);
  }

  @Test
  void keepsCardsTheKitWouldNotWriteRaw() {
    String[][] cases = {
      {KEYWORD_CARD.replace("\"budget\"", "\"  \""), "entries[0].text is blank"},
      {KEYWORD_CARD.replace("\"budget\"", "\" budget\""), "entries[0].text has spaces around it"},
      {
        KEYWORD_CARD.replace("\"status\":{}", "\"status\":{\"code\":\"x\"}"),
        "data card status is not {}"
      },
      {
        KEYWORD_CARD.replace("\"id\":\"10027\"", "\"id\":10027"),
        "skill.id is not a non-blank string"
      },
      {
        KEYWORD_CARD.replace("\"type\":\"skill_card\"", "\"type\":\"card\""),
        "type is not 'skill_card'"
      },
      {
        KEYWORD_CARD.replace("[{\"text\":\"budget\",\"type\":\"text\"}]", "[]"),
        "keyword card 'Topics' has no entries: no entries were added"
      },
      {
        KEYWORD_CARD.replace("\"type\":\"text\"", "\"type\":\"image\""),
        "entries[0].type is not 'text'"
      },
      {
        KEYWORD_CARD.replace(
            "\"type\":\"text\"}", "\"type\":\"text\",\"appears\":[{\"start\":-1}]}"),
        "invalid time range: start -1 is negative; expected seconds from the start"
      },
      {
        KEYWORD_CARD.replace(
            "\"type\":\"text\"}", "\"type\":\"text\",\"appears\":[{\"start\":1}]}"),
        "keyword entry 0 appears[0] 1- has no end; keyword entries need start and end"
      },
      {
        KEYWORD_CARD.replace(
            "\"type\":\"text\"}", "\"type\":\"text\",\"appears\":[{\"start\":\"1\"}]}"),
        "entries[0].appears[0].start is not a number"
      },
      {
        KEYWORD_CARD.replace(
            "\"type\":\"text\"}",
            "\"type\":\"text\",\"appears\":[{\"start\":0.30000000000000001,\"end\":1}]}"),
        "entries[0].appears[0].start 0.30000000000000001 would not be written back unchanged"
      },
      {
        KEYWORD_CARD.replace("]}", "],\"duration\":-5}"),
        "keyword card duration -5 is invalid; expected a finite number of seconds, not negative"
      },
      {KEYWORD_CARD.replace("\"code\":\"skills_topics\",", ""), null},
      {
        KEYWORD_CARD.replace(
            ",\"skill_card_title\":{\"code\":\"skills_topics\",\"message\":\"Topics\"}", ""),
        "skill_card_title is missing"
      },
    };
    for (String[] testCase : cases) {
      SkillCard card = SkillCard.parse(testCase[0]);

      if (testCase[1] == null) {
        assertThat(card).as(testCase[0]).isInstanceOf(KeywordCard.class);
        continue;
      }
      assertThat(card).as(testCase[0]).isInstanceOf(RawCard.class);
      assertThat(((RawCard) card).reason()).as(testCase[0]).isEqualTo(testCase[1]);
      assertThat(CardFixtures.tree(card.toJson())).isEqualTo(CardFixtures.tree(testCase[0]));
    }
  }

  @Test
  void normalisesEquivalentNumbers() {
    String json =
        KEYWORD_CARD.replace(
            "\"type\":\"text\"}", "\"type\":\"text\",\"appears\":[{\"start\":12.50,\"end\":1e2}]}");

    SkillCard card = SkillCard.parse(json);

    assertThat(card).isInstanceOf(KeywordCard.class);
    assertThat(card.toJson()).contains("\"appears\":[{\"start\":12.5,\"end\":100}]");
  }

  @Test
  void readsTimelineEntriesWithoutImageAsText() {
    String json =
        CardGoldenTest.timelineCard(request)
            .toJson()
            .replaceFirst("\"type\":\"image\",\"image_url\":\"[^\"]*\"", "\"type\":\"text\"");

    SkillCard card = SkillCard.parse(json);

    assertThat(card).isInstanceOf(TimelineCard.class);
    assertThat(((TimelineCard) card).entries().get(0).type()).isEqualTo("text");
    assertThat(card.toJson()).isEqualTo(json);
  }

  @Test
  void keepsNonObjectInsideCardsRejected() {
    assertThatThrownBy(() -> SkillCards.fromMetadata("{\"cards\":[" + KEYWORD_CARD + ",7]}"))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessage("cards[1] is NUMBER; expected a card object");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "{", "{\"cards\":[}", "nul", "{} {}"})
  void rejectsTextThatIsNotJson(String text) {
    assertThatThrownBy(() -> SkillCards.fromMetadata(text))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessageStartingWith("metadata JSON is not valid JSON: ");
    assertThatThrownBy(() -> SkillCard.parse(text))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessageStartingWith("card JSON is not valid JSON: ");
  }

  @Test
  void rejectsDocumentsOfTheWrongShape() {
    assertThatThrownBy(() -> SkillCard.parse("[1]"))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessage("card JSON is ARRAY; expected a card object");
    assertThatThrownBy(() -> SkillCards.fromMetadata("\"x\""))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessage("metadata JSON is STRING; expected an object with \"cards\"");
    assertThatThrownBy(() -> SkillCards.fromMetadata("{\"cards\":{}}"))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessage("metadata JSON field \"cards\" is OBJECT; expected an array");
    assertThatThrownBy(() -> SkillCards.fromMetadata("{\"cards\":[],\"cards\":[]}"))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessageContaining("Duplicate field 'cards'");
  }

  @Test
  void syntaxErrorMessageDoesNotQuoteTheBody() {
    String secret = "{\"cards\":[{\"text\":\"SECRET-TEXT\" oops}]}";

    assertThatThrownBy(() -> SkillCards.fromMetadata(secret.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidCardJsonException.class)
        .hasMessageNotContaining("SECRET-TEXT")
        .hasMessageContaining("line 1, column");
  }

  @Test
  void rejectsNullInput() {
    assertThatThrownBy(() -> SkillCard.parse(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cardJson");
    assertThatThrownBy(() -> SkillCards.fromMetadata((String) null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("json");
    assertThatThrownBy(() -> SkillCards.toCardsDocument(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cards");
    assertThatThrownBy(
            () ->
                SkillCards.toCardsDocument(
                    java.util.Arrays.asList(StatusCard.processing(request), null)))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cards[1] is null");
  }
}
