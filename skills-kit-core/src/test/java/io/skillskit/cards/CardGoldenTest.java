package io.skillskit.cards;

import static io.skillskit.cards.CardFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.request.SkillsRequest;
import org.junit.jupiter.api.Test;

class CardGoldenTest {

  private final SkillsRequest request = CardFixtures.request();

  @Test
  void keywordCardMatchesFixture() {
    KeywordCard card =
        KeywordCard.builder(request)
            .clock(CLOCK)
            .duration(1834)
            .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
            .addEntry("budget review")
            .addEntry("hiring plan")
            .build();

    assertThat(CardFixtures.tree(card.toJson()))
        .isEqualTo(CardFixtures.json("cards/keyword-card.json"));
  }

  @Test
  void timelineCardMatchesFixture() {
    JsonNode fixture = CardFixtures.json("cards/timeline-card.json");
    String speaker1 = fixture.at("/entries/0/image_url").asText();
    String speaker2 = fixture.at("/entries/1/image_url").asText();

    TimelineCard card =
        TimelineCard.builder(request)
            .clock(CLOCK)
            .duration(1834)
            .addEntry("Speaker 1", speaker1, TimeRange.of(0, 95), TimeRange.of(410, 702))
            .addEntry("Speaker 2", speaker2, TimeRange.of(95, 410))
            .build();

    assertThat(CardFixtures.tree(card.toJson())).isEqualTo(fixture);
  }

  @Test
  void transcriptCardMatchesFixture() {
    TranscriptCard card =
        TranscriptCard.builder(request)
            .clock(CLOCK)
            .duration(1834)
            .addEntry("Good morning everyone, let's get started with the roadmap.", 0, 6)
            .addEntry("First item is the budget review for the next quarter.", 6, 12)
            .addEntry("After that we will walk through the hiring plan.", 12, 17)
            .build();

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
}
