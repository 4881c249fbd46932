package io.skillskit.cards;

import static io.skillskit.cards.CardFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compares built cards with the sample cards, field for field. */
class CardGoldenTest {

  private final SkillsRequest request = CardFixtures.request();

  static KeywordCard keywordCard(SkillsRequest request) {
    return KeywordCard.builder(request)
        .clock(CLOCK)
        .duration(1834)
        .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
        .addEntry("budget review")
        .addEntry("hiring plan")
        .build();
  }

  static TranscriptCard transcriptCard(SkillsRequest request) {
    return TranscriptCard.builder(request)
        .clock(CLOCK)
        .duration(1834)
        .addEntry("Good morning everyone, let's get started with the roadmap.", 0, 6)
        .addEntry("First item is the budget review for the next quarter.", 6, 12)
        .addEntry("After that we will walk through the hiring plan.", 12, 17)
        .build();
  }

  static TimelineCard timelineCard(SkillsRequest request) {
    JsonNode fixture = CardFixtures.json("cards/timeline-card.json");
    String speaker1 = fixture.at("/entries/0/image_url").asText();
    String speaker2 = fixture.at("/entries/1/image_url").asText();
    return TimelineCard.builder(request)
        .clock(CLOCK)
        .duration(1834)
        .addEntry("Speaker 1", speaker1, TimeRange.of(0, 95), TimeRange.of(410, 702))
        .addEntry("Speaker 2", speaker2, TimeRange.of(95, 410))
        .build();
  }

  private static List<String> keys(JsonNode node) {
    List<String> keys = new ArrayList<>();
    Iterator<String> names = node.fieldNames();
    names.forEachRemaining(keys::add);
    return keys;
  }

  @Test
  void keywordCardMatchesFixture() {
    KeywordCard card = keywordCard(request);

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/keyword-card.json"));
  }

  @Test
  void timelineCardMatchesFixture() {
    TimelineCard card = timelineCard(request);

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/timeline-card.json"));
  }

  @Test
  void transcriptCardMatchesFixture() {
    TranscriptCard card = transcriptCard(request);

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/transcript-card.json"));
  }

  @Test
  void processingCardMatchesFixture() {
    StatusCard card = StatusCard.builder(request).processing().clock(CLOCK).build();

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/status-card.json"));
  }

  @Test
  void errorCardMatchesFixture() {
    StatusCard card =
        StatusCard.builder(request).error(SkillsError.FILE_PROCESSING_ERROR).clock(CLOCK).build();

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/status-card-error.json"));
  }

  @Test
  void explicitIdsGiveSameCardAsRequest() {
    KeywordCard card =
        KeywordCard.builder(CardFixtures.SKILL_ID, CardFixtures.INVOCATION_ID)
            .clock(CLOCK)
            .duration(1834)
            .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
            .addEntry("budget review")
            .addEntry("hiring plan")
            .build();

    assertThat(card.toJson()).isEqualTo(keywordCard(request).toJson());
  }

  @Test
  void successRequestCardsMatchBuiltCards() {
    JsonNode cards =
        CardFixtures.json("requests/skill-invocations-put-success.json").at("/metadata/cards");

    assertThat(cards).hasSize(3);
    assertThat(CardFixtures.tree(keywordCard(request).toJson())).isEqualTo(cards.get(0));
    assertThat(CardFixtures.tree(transcriptCard(request).toJson())).isEqualTo(cards.get(1));
    assertThat(CardFixtures.tree(timelineCard(request).toJson())).isEqualTo(cards.get(2));
  }

  @Test
  void processingRequestCardMatchesBuiltCard() {
    JsonNode card =
        CardFixtures.json("requests/skill-invocations-put-processing.json").at("/metadata/cards/0");

    StatusCard built = StatusCard.builder(request).processing().clock(CLOCK).build();

    assertThat(CardFixtures.tree(built.toJson())).isEqualTo(card);
  }

  @Test
  void failureRequestCardMatchesBuiltCard() {
    JsonNode card =
        CardFixtures.json("requests/skill-invocations-put-permanent-failure.json")
            .at("/metadata/cards/0");

    StatusCard built =
        StatusCard.builder(request).error(SkillsError.FILE_PROCESSING_ERROR).clock(CLOCK).build();

    assertThat(CardFixtures.tree(built.toJson())).isEqualTo(card);
  }

  @Test
  void cardsDocumentMatchesPostBody() {
    String document = SkillCards.toCardsDocument(List.of(keywordCard(request)));

    assertThat(CardFixtures.tree(document))
        .isEqualTo(CardFixtures.json("requests/boxskillscards-post.json"));
  }

  @Test
  void patchValueMatchesCardWithTitleCode() {
    JsonNode value =
        CardFixtures.json("requests/boxskillscards-put-json-patch.json").at("/0/value");

    KeywordCard card =
        KeywordCard.builder(request)
            .clock(CLOCK)
            .title("Topics (revised)")
            .titleCode("skills_topics")
            .duration(1834)
            .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
            .addEntry("budget review")
            .addEntry("hiring plan")
            .addEntry("office move")
            .build();

    assertThat(CardFixtures.tree(card.toJson())).isEqualTo(value);
  }

  @Test
  void keysFollowNodeKitOrder() {
    JsonNode data = CardFixtures.tree(keywordCard(request).toJson());
    JsonNode status = CardFixtures.tree(StatusCard.processing(request).toJson());

    assertThat(keys(data))
        .containsExactly(
            "created_at",
            "type",
            "skill",
            "skill_card_type",
            "skill_card_title",
            "invocation",
            "status",
            "entries",
            "duration");
    assertThat(keys(data.at("/entries/0"))).containsExactly("text", "type", "appears");
    assertThat(keys(status))
        .containsExactly(
            "created_at",
            "type",
            "skill",
            "skill_card_type",
            "skill_card_title",
            "invocation",
            "status");
  }

  @Test
  void toJsonIsCompactAndCached() {
    KeywordCard card = keywordCard(request);

    String first = card.toJson();

    assertThat(first).doesNotContain("\n").doesNotContain(": ");
    assertThat(card.toJson()).isSameAs(first);
    assertThat(first)
        .startsWith(
            "{\"created_at\":\"2026-03-14T16:27:05.417Z\",\"type\":\"skill_card\","
                + "\"skill\":{\"type\":\"service\",\"id\":\"10027\"},");
  }

  @Test
  void createdAtIsUtcWithThreeMillisecondDigits() {
    Clock zurich =
        Clock.fixed(Instant.parse("2026-03-14T16:27:05.000000999Z"), ZoneId.of("Europe/Zurich"));
    Clock nanos = Clock.fixed(Instant.parse("2026-03-14T16:27:05.417999Z"), ZoneOffset.UTC);

    KeywordCard whole = KeywordCard.builder(request).clock(zurich).addEntry("a").build();
    KeywordCard cut = KeywordCard.builder(request).clock(nanos).addEntry("a").build();

    assertThat(CardFixtures.tree(whole.toJson()).get("created_at").asText())
        .isEqualTo("2026-03-14T16:27:05.000Z");
    assertThat(CardFixtures.tree(cut.toJson()).get("created_at").asText())
        .isEqualTo("2026-03-14T16:27:05.417Z");
    assertThat(cut.createdAt()).contains(Instant.parse("2026-03-14T16:27:05.417Z"));
  }

  @Test
  void numbersKeepTheirForm() {
    TranscriptCard card =
        TranscriptCard.builder(request)
            .duration(12.5)
            .addEntry("a", 0.25, 1)
            .addEntry("b", 1e-3)
            .addEntry("c", -0.0, 3.0)
            .build();

    String json = card.toJson();

    assertThat(json).contains("\"duration\":12.5");
    assertThat(json).contains("\"appears\":[{\"start\":0.25,\"end\":1}]");
    assertThat(json).contains("\"appears\":[{\"start\":0.001}]");
    assertThat(json).contains("\"appears\":[{\"start\":0,\"end\":3}]");
  }

  @Test
  void accessorsReturnWhatWasBuilt() {
    KeywordCard card = keywordCard(request);

    assertThat(card.cardType()).isEqualTo("keyword");
    assertThat(card.skillId()).isEqualTo("10027");
    assertThat(card.invocationId()).isEqualTo(CardFixtures.INVOCATION_ID);
    assertThat(card.title()).isEqualTo("Topics");
    assertThat(card.titleCode()).contains("skills_topics");
    assertThat(card.createdAt()).contains(CardFixtures.CREATED_AT);
    assertThat(card.duration()).hasValue(1834);
    assertThat(card.entries())
        .containsExactly(
            CardEntry.of("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960)),
            CardEntry.of("budget review"),
            CardEntry.of("hiring plan"));
    assertThat(card.entries().get(0).type()).isEqualTo("text");
    assertThat(card.toString())
        .isEqualTo(
            "KeywordCard[title=Topics, entries=3, invocation=" + CardFixtures.INVOCATION_ID + "]");
  }

  @Test
  void defaultTitlesAndCodesMatchNodeKit() {
    TimelineCard timeline =
        TimelineCard.builder(request).allowTextEntries().addEntry("a", TimeRange.of(0, 1)).build();
    TranscriptCard transcript = TranscriptCard.builder(request).addEntry("a").build();
    KeywordCard keyword = KeywordCard.builder(request).addEntry("a").build();
    StatusCard processing = StatusCard.processing(request);
    StatusCard error = StatusCard.error(request, SkillsError.UNKNOWN);

    assertThat(keyword.title() + "/" + keyword.titleCode().orElseThrow())
        .isEqualTo("Topics/skills_topics");
    assertThat(timeline.title() + "/" + timeline.titleCode().orElseThrow())
        .isEqualTo("Faces/skills_faces");
    assertThat(transcript.title() + "/" + transcript.titleCode().orElseThrow())
        .isEqualTo("Transcript/skills_transcript");
    assertThat(processing.title() + "/" + processing.titleCode().orElseThrow())
        .isEqualTo("Status/skills_status");
    assertThat(error.title() + "/" + error.titleCode().orElseThrow())
        .isEqualTo("Error/skills_error");
  }

  @Test
  void dataCardWithoutDurationHasNoDurationKey() {
    KeywordCard card = KeywordCard.builder(request).addEntry("a").build();

    assertThat(CardFixtures.tree(card.toJson()).has("duration")).isFalse();
    assertThat(card.duration()).isEmpty();
  }

  @Test
  void zeroDurationIsWritten() {
    KeywordCard card = KeywordCard.builder(request).duration(0).addEntry("a").build();

    assertThat(card.toJson()).endsWith(",\"duration\":0}");
  }

  @Test
  void unicodeTextIsWrittenAsUtf8Text() {
    KeywordCard card =
        KeywordCard.builder(request)
            .title("Thèmes")
            .addEntry("café \"quoted\" \\ back")
            .addEntry("日本語")
            .addEntry("emoji 😀 ok")
            .addEntry("tab\there")
            .build();

    JsonNode tree = CardFixtures.tree(card.toJson());

    assertThat(tree.at("/entries/0/text").asText()).isEqualTo("café \"quoted\" \\ back");
    assertThat(tree.at("/entries/1/text").asText()).isEqualTo("日本語");
    assertThat(tree.at("/entries/2/text").asText()).isEqualTo("emoji 😀 ok");
    assertThat(tree.at("/entries/3/text").asText()).isEqualTo("tab\there");
    assertThat(tree.at("/skill_card_title/code").asText()).isEqualTo("skills_thèmes");
  }

  @Test
  void equalCardsHaveEqualJson() {
    assertThat(keywordCard(request)).isEqualTo(keywordCard(request));
    assertThat(keywordCard(request).hashCode()).isEqualTo(keywordCard(request).hashCode());
    assertThat(keywordCard(request)).isNotEqualTo(transcriptCard(request));
  }
}
