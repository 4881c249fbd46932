package io.skillskit.box;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.TimeRange;
import io.skillskit.cards.TimelineCard;
import io.skillskit.cards.TranscriptCard;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** Reads the sample messages under {@code src/test/resources/fixtures}. */
final class Fixtures {

  /** When the card fixtures were created; also the fake clock of most tests. */
  static final Instant CARD_TIME = Instant.parse("2026-03-14T16:27:05.417Z");

  static final String AUDIO_READ_TOKEN = "1!FAKE-READ-TOKEN-audio-0001.not-a-real-token";
  static final String AUDIO_WRITE_TOKEN = "1!FAKE-WRITE-TOKEN-audio-0001.not-a-real-token";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static JsonNode json(String path) {
    return tree(text(path));
  }

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Builds the keyword card of the request fixtures, created at {@link #CARD_TIME}. */
  static KeywordCard keywordCard(SkillsRequest request) {
    return KeywordCard.builder(request)
        .clock(Clock.fixed(CARD_TIME, ZoneOffset.UTC))
        .duration(1834)
        .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
        .addEntry("budget review")
        .addEntry("hiring plan")
        .build();
  }

  /** Builds the transcript card of the request fixtures, created at {@link #CARD_TIME}. */
  static TranscriptCard transcriptCard(SkillsRequest request) {
    return TranscriptCard.builder(request)
        .clock(Clock.fixed(CARD_TIME, ZoneOffset.UTC))
        .duration(1834)
        .addEntry("Good morning everyone, let's get started with the roadmap.", 0, 6)
        .addEntry("First item is the budget review for the next quarter.", 6, 12)
        .addEntry("After that we will walk through the hiring plan.", 12, 17)
        .build();
  }

  /** Builds the timeline card of the request fixtures, with their thumbnails as data URIs. */
  static TimelineCard timelineCard(SkillsRequest request) {
    JsonNode fixture = json("requests/skill-invocations-put-success.json");
    String speaker1 = fixture.at("/metadata/cards/2/entries/0/image_url").asText();
    String speaker2 = fixture.at("/metadata/cards/2/entries/1/image_url").asText();
    return TimelineCard.builder(request)
        .clock(Clock.fixed(CARD_TIME, ZoneOffset.UTC))
        .duration(1834)
        .addEntry("Speaker 1", speaker1, TimeRange.of(0, 95), TimeRange.of(410, 702))
        .addEntry("Speaker 2", speaker2, TimeRange.of(95, 410))
        .build();
  }

  static byte[] bytes(String path) {
    String resource = "/fixtures/" + path;
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("test resource " + resource + " is missing");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String path) {
    return new String(bytes(path), StandardCharsets.UTF_8);
  }

  /** Parses an event fixture as if received at {@link #CARD_TIME}. */
  static SkillsRequest event(String name) {
    return SkillsRequest.parser()
        .clock(Clock.fixed(CARD_TIME, ZoneOffset.UTC))
        .build()
        .parse(bytes("events/" + name));
  }

  static SkillsRequest audioEvent() {
    return event("invocation-audio-mp3.json");
  }
}
