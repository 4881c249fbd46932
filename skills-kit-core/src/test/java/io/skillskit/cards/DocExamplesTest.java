package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.SkillsRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The code examples of the card classes' Javadoc, copied here word for word so that a change that
 * breaks an example breaks the build.
 */
class DocExamplesTest {

  private final SkillsRequest request = CardFixtures.request();
  private final byte[] pngBytes = TestImages.png100();
  private final String dataUri = Thumbnails.toDataUri(pngBytes);
  private final Clock clock = CardFixtures.CLOCK;

  @Test
  void keywordCardExamples() {
    KeywordCard topics =
        KeywordCard.builder(request).title("Topics").addEntry("budget").addEntry("hiring").build();
    String json = topics.toJson();
    KeywordCard explicit =
        KeywordCard.builder("10027", "3f1c2a9e_2048001001").addEntry("budget").build();
    KeywordCard titled =
        KeywordCard.builder(request).title("Key Phrases").addEntry("budget").build();
    KeywordCard revised =
        KeywordCard.builder(request)
            .title("Topics (revised)")
            .titleCode("skills_topics")
            .addEntry("budget")
            .build();
    KeywordCard timed = KeywordCard.builder(request).duration(1834).addEntry("budget").build();
    Clock fixed = Clock.fixed(Instant.parse("2026-03-14T16:27:05.417Z"), ZoneOffset.UTC);
    KeywordCard clocked = KeywordCard.builder(request).clock(fixed).addEntry("budget").build();
    KeywordCard.Builder strict = KeywordCard.builder(request).rejectBlankEntries().addEntry(" ");
    KeywordCard two = KeywordCard.builder(request).addEntry("budget").addEntry("hiring").build();
    KeywordCard appears =
        KeywordCard.builder(request)
            .addEntry("quarterly roadmap", TimeRange.of(12, 48), TimeRange.of(903, 960))
            .build();
    KeywordCard once = KeywordCard.builder(request).addEntry("budget", 12, 48).build();
    KeywordCard entries =
        KeywordCard.builder(request)
            .addEntries(CardEntry.of("budget"), CardEntry.of("hiring", TimeRange.of(5, 9)))
            .build();
    List<CardEntry> found = List.of(CardEntry.of("budget"), CardEntry.of("hiring"));
    KeywordCard all = KeywordCard.builder(request).addAllEntries(found).build();

    assertThat(json).contains("\"budget\"");
    assertThat(explicit.skillId()).isEqualTo("10027");
    assertThat(titled.titleCode()).contains("skills_key_phrases");
    assertThat(revised.titleCode()).contains("skills_topics");
    assertThat(timed.duration()).hasValue(1834);
    assertThat(clocked.createdAt()).contains(Instant.parse("2026-03-14T16:27:05.417Z"));
    assertThatThrownBy(strict::build)
        .hasMessageStartingWith("keyword entry 0 text must not be blank");
    assertThat(List.of(two, appears, once, entries, all))
        .allMatch(card -> !card.entries().isEmpty());
  }

  @Test
  void timelineCardExamples() {
    TimelineCard faces =
        TimelineCard.builder(request)
            .duration(1834)
            .addEntry("Speaker 1", pngBytes, TimeRange.of(0, 95), TimeRange.of(410, 702))
            .addEntry("Speaker 2", "https://img.example.test/b.png", TimeRange.of(95, 410))
            .build();
    TimelineCard onScreen =
        TimelineCard.builder(request).title("On Screen").addEntry("Logo", dataUri, 0, 5).build();
    TimelineCard speech =
        TimelineCard.builder(request)
            .title("Speech")
            .allowTextEntries()
            .addEntry("Speech", TimeRange.of(0, 4.5), TimeRange.of(6, 9))
            .build();
    TimelineCard bytes = TimelineCard.builder(request).addEntry("Logo", pngBytes, 0, 5).build();
    TimelineCard silence =
        TimelineCard.builder(request)
            .allowTextEntries()
            .addEntry("Silence", TimeRange.of(4.5, 6))
            .build();
    TimelineCard.Builder strict =
        TimelineCard.builder(request).rejectBlankEntries().addEntry(" ", dataUri, 0, 5);
    String thumbnail = Thumbnails.toDataUri(pngBytes);

    assertThat(faces.entries()).hasSize(2);
    assertThat(onScreen.titleCode()).contains("skills_on_screen");
    assertThat(speech.entries().get(0).type()).isEqualTo("text");
    assertThat(bytes.entries().get(0).imageUrl()).contains(dataUri);
    assertThat(silence.entries()).hasSize(1);
    assertThatThrownBy(strict::build)
        .hasMessageStartingWith("timeline entry 0 text must not be blank");
    assertThat(thumbnail).isEqualTo(dataUri);
  }

  @Test
  void transcriptCardExamples() {
    TranscriptCard transcript =
        TranscriptCard.builder(request)
            .duration(17)
            .addEntry("Good morning everyone, let's get started with the roadmap.", 0, 6)
            .addEntry("First item is the budget review for the next quarter.", 6, 12)
            .build();
    TranscriptCard notes =
        TranscriptCard.builder(request).title("Speaker Notes").addEntry("Hello", 0).build();
    TranscriptCard.Builder strict =
        TranscriptCard.builder(request).rejectBlankEntries().addEntry(" ", 0);
    List<TimedWord> words =
        List.of(
            TimedWord.of("Welcome", 0.20, 0.55),
            TimedWord.of("back", 0.60, 0.90),
            TimedWord.untimed("."),
            TimedWord.of("Today", 1.10, 1.40));
    TranscriptCard grouped =
        TranscriptCard.builder(request).addTimedWords(words, TranscriptGrouping.PER_SECOND).build();
    List<CardEntry> lines = List.of(CardEntry.of("Hello.", TimeRange.startingAt(0)));
    TranscriptCard fromLines = TranscriptCard.builder(request).addAllEntries(lines).build();

    assertThat(transcript.entries()).hasSize(2);
    assertThat(notes.titleCode()).contains("skills_speaker_notes");
    assertThatThrownBy(strict::build)
        .hasMessageStartingWith("transcript entry 0 text must not be blank");
    assertThat(grouped.entries())
        .extracting(CardEntry::text)
        .containsExactly("Welcome back.", "Today");
    assertThat(fromLines.entries()).hasSize(1);
  }

  @Test
  void statusCardExamples() {
    StatusCard working = StatusCard.processing(request);
    StatusCard failed = StatusCard.error(request, SkillsError.FILE_PROCESSING_ERROR);
    StatusCard custom = StatusCard.error(request, "Provider quota exceeded");
    StatusCard format =
        StatusCard.builder(request).error(SkillsError.INVALID_FILE_FORMAT).clock(clock).build();
    StatusCard byIds = StatusCard.builder("10027", "3f1c2a9e_2048001001").processing().build();
    StatusCard titled = StatusCard.builder(request).title("Transcription").processing().build();
    StatusCard german =
        StatusCard.builder(request)
            .title("Fehler")
            .titleCode("skills_error")
            .error(SkillsError.UNKNOWN)
            .build();

    assertThat(working.isProcessing()).isTrue();
    assertThat(failed.skillsError()).contains(SkillsError.FILE_PROCESSING_ERROR);
    assertThat(custom.isCustomError()).isTrue();
    assertThat(format.createdAt()).contains(CardFixtures.CREATED_AT);
    assertThat(byIds.invocationId()).isEqualTo("3f1c2a9e_2048001001");
    assertThat(titled.titleCode()).contains("skills_transcription");
    assertThat(german.titleCode()).contains("skills_error");
  }

  @Test
  void noInfoFoundExample() {
    List<CardEntry> topics = List.of(CardEntry.of(" "));
    List<SkillCard> cards = new ArrayList<>();

    try {
      cards.add(KeywordCard.builder(request).addAllEntries(topics).build());
    } catch (NoInfoFoundException e) {
      StatusCard errorCard = StatusCard.error(request, e.error());
      cards.add(errorCard);
    }

    assertThat(cards).singleElement().isInstanceOf(StatusCard.class);
  }

  @Test
  void inlinerAndReaderExamples() {
    ThumbnailInliner inliner =
        ThumbnailInliner.builder()
            .timeout(Duration.ofSeconds(5))
            .maxImageBytes(2 * 1024 * 1024)
            .build();
    TimelineCard faces =
        TimelineCard.builder(request).addEntry("Speaker 1", dataUri, TimeRange.of(0, 5)).build();
    ThumbnailInliner.Result result = inliner.inline(faces);
    String body = SkillCards.toCardsDocument(List.of(faces));
    SkillCardsMetadata stored = SkillCards.fromMetadata(body);
    long version = stored.version().orElse(0);
    SkillCard card = SkillCard.parse(faces.toJson());

    assertThat(result.card()).isEqualTo(faces);
    assertThat(version).isZero();
    assertThat(card).isEqualTo(faces);
  }
}
