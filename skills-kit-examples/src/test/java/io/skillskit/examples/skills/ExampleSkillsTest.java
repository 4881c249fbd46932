package io.skillskit.examples.skills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.FileRejectedException;
import io.skillskit.box.FilesReader;
import io.skillskit.box.Usage;
import io.skillskit.cards.CardEntry;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.NoInfoFoundException;
import io.skillskit.cards.SkillsError;
import io.skillskit.cards.Thumbnails;
import io.skillskit.cards.TimeRange;
import io.skillskit.cards.TimelineCard;
import io.skillskit.cards.TranscriptCard;
import io.skillskit.examples.analysis.TimeSpan;
import io.skillskit.examples.analysis.TranscriptLine;
import io.skillskit.examples.analysis.UnsupportedFormatException;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.request.SkillsRequest;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExampleSkillsTest {

  private LocalBox box;
  private BoxEndpoints endpoints;

  @BeforeEach
  void startBox() {
    box = LocalBox.start();
    endpoints =
        BoxEndpoints.builder(box.baseUri())
            .basicFormatPolling(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
  }

  @AfterEach
  void stopBox() {
    endpoints.close();
    box.close();
  }

  @Test
  void wavGetsSoundAndSilenceTimeline() throws Exception {
    SkillResult result = run(new SoundTimelineSkill(), SampleFiles.tonesWav());

    assertThat(result.cards()).hasSize(1);
    TimelineCard card = (TimelineCard) result.cards().get(0);
    assertThat(card.title()).isEqualTo("Sound and silence");
    assertThat(card.duration().getAsDouble()).isEqualTo(SampleFiles.TONES_DURATION_SECONDS);
    assertThat(card.entries()).extracting(CardEntry::text).containsExactly("Sound", "Silence");
    assertSpans(card.entries().get(0), SampleFiles.tonesWavSound());
    assertSpans(card.entries().get(1), SampleFiles.tonesWavSilence());
    assertThat(result.usage().unit()).isEqualTo(Usage.Unit.SECONDS);
    assertThat(result.usage().value().doubleValue()).isEqualTo(SampleFiles.TONES_DURATION_SECONDS);
  }

  @Test
  void timelineEntriesCarry45PixelThumbnails() throws Exception {
    SkillResult result = run(new SoundTimelineSkill(), SampleFiles.tonesWav());

    for (CardEntry entry : ((TimelineCard) result.cards().get(0)).entries()) {
      String uri = entry.imageUrl().orElseThrow();
      assertThat(uri).startsWith(Thumbnails.DATA_URI_PREFIX);
      byte[] png = Base64.getDecoder().decode(uri.substring(Thumbnails.DATA_URI_PREFIX.length()));
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(image.getWidth()).isEqualTo(45);
      assertThat(image.getHeight()).isEqualTo(45);
    }
    assertThat(SoundTimelineSkill.thumbnail("Sound"))
        .isNotEqualTo(SoundTimelineSkill.thumbnail("Silence"));
  }

  @Test
  void imageGetsColoursAndSize() throws Exception {
    SkillResult result = run(new ImageColoursSkill(), SampleFiles.colourBlocksPng());

    assertThat(result.cards()).hasSize(2);
    KeywordCard colours = (KeywordCard) result.cards().get(0);
    KeywordCard image = (KeywordCard) result.cards().get(1);
    assertThat(colours.title()).isEqualTo("Colours");
    assertThat(colours.entries())
        .extracting(CardEntry::text)
        .containsExactly("blue (60%)", "orange (30%)", "white (10%)");
    assertThat(image.title()).isEqualTo("Image");
    assertThat(image.entries()).extracting(CardEntry::text).containsExactly("200 x 100 px", "PNG");
    assertThat(result.usage()).isEqualTo(Usage.ONE_FILE);
  }

  @Test
  void documentGetsPlantedTopics() throws Exception {
    SkillResult result = run(new DocumentTopicsSkill(), SampleFiles.meetingNotesText());

    KeywordCard topics = (KeywordCard) result.cards().get(0);
    assertThat(topics.title()).isEqualTo("Topics");
    assertThat(topics.entries().stream().map(CardEntry::text).limit(5))
        .containsExactlyElementsOf(SampleFiles.meetingNotesTopTerms());
    assertThat(result.usage()).isEqualTo(Usage.ONE_FILE);
  }

  @Test
  void documentWithOnlyStopWordsHasNoInfo() {
    LocalFile file = box.addFile("empty.txt", "the and of it is".getBytes(StandardCharsets.UTF_8));

    assertThatThrownBy(() -> run(new DocumentTopicsSkill(), file))
        .isInstanceOf(NoInfoFoundException.class);
  }

  @Test
  void webVttGetsTranscript() throws Exception {
    assertTranscript(run(new CaptionTranscriptSkill(), SampleFiles.captionsVtt()));
  }

  @Test
  void srtGetsTranscript() throws Exception {
    assertTranscript(run(new CaptionTranscriptSkill(), SampleFiles.captionsSrt()));
  }

  @Test
  void skillRejectsOtherExtensionBeforeDownloading() {
    LocalFile file = add(SampleFiles.colourBlocksPng());

    assertThatThrownBy(() -> run(new SoundTimelineSkill(), file))
        .isInstanceOf(FileRejectedException.class)
        .satisfies(
            e ->
                assertThat(((FileRejectedException) e).skillsError())
                    .isEqualTo(SkillsError.INVALID_FILE_FORMAT));
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void wavWithOtherContentIsUnsupported() {
    LocalFile file = box.addFile("fake.wav", SampleFiles.unsupportedFile().content());

    assertThatThrownBy(() -> run(new SoundTimelineSkill(), file))
        .isInstanceOf(UnsupportedFormatException.class);
  }

  @Test
  void routerPicksSkillByExtension() throws Exception {
    SkillRouter router = SkillRouter.withExamples();

    SkillResult result = run(router, SampleFiles.captionsSrt());

    assertThat(result.cards().get(0)).isInstanceOf(TranscriptCard.class);
    assertThat(router.extensions()).contains("wav", "png", "jpg", "txt", "html", "vtt", "srt");
    assertThat(router.skillFor("wav")).isInstanceOf(SoundTimelineSkill.class);
  }

  @Test
  void routerRejectsUnsupportedFile() {
    LocalFile file = add(SampleFiles.unsupportedFile());

    assertThatThrownBy(() -> run(SkillRouter.withExamples(), file))
        .isInstanceOf(FileRejectedException.class)
        .hasMessageStartingWith("File " + file.id() + " has extension xyz; the skill accepts bmp,")
        .satisfies(
            e ->
                assertThat(((FileRejectedException) e).skillsError())
                    .isEqualTo(SkillsError.INVALID_FILE_FORMAT));
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void routerRejectsOverlappingSkills() {
    assertThatThrownBy(() -> SkillRouter.of(new ImageColoursSkill(), new ImageColoursSkill()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is claimed by both ImageColoursSkill and ImageColoursSkill");
  }

  @Test
  void routerNeedsASkill() {
    assertThatThrownBy(() -> SkillRouter.of(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a router needs at least one skill");
  }

  private SkillResult run(ExampleSkill skill, SampleFile sample) throws Exception {
    return run(skill, add(sample));
  }

  private SkillResult run(ExampleSkill skill, LocalFile file) throws Exception {
    InvocationEvent event = InvocationEvent.builder(box.invocationFor(file.id())).build();
    SkillsRequest request = SkillsRequest.parse(event.body());
    return skill.process(request, FilesReader.of(request, endpoints));
  }

  private LocalFile add(SampleFile sample) {
    return box.addFile(sample.fileName(), sample.content());
  }

  private static void assertSpans(CardEntry entry, List<TimeSpan> expected) {
    List<TimeRange> found = entry.appears();
    assertThat(found).hasSameSizeAs(expected);
    for (int i = 0; i < found.size(); i++) {
      assertThat(found.get(i).start()).isCloseTo(expected.get(i).start(), within(0.05));
      assertThat(found.get(i).end().getAsDouble()).isCloseTo(expected.get(i).end(), within(0.05));
    }
  }

  private static void assertTranscript(SkillResult result) {
    TranscriptCard card = (TranscriptCard) result.cards().get(0);
    List<TranscriptLine> expected = SampleFiles.captionLines();
    assertThat(card.title()).isEqualTo("Transcript");
    assertThat(card.duration().getAsDouble()).isEqualTo(12.0);
    assertThat(card.entries()).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      CardEntry entry = card.entries().get(i);
      assertThat(entry.text()).isEqualTo(expected.get(i).text());
      assertThat(entry.appears().get(0))
          .isEqualTo(TimeRange.of(expected.get(i).start(), expected.get(i).end()));
    }
    assertThat(result.usage()).isEqualTo(Usage.ONE_FILE);
  }
}
