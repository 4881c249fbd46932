package io.skillskit.examples.demo;

import io.skillskit.cards.CardEntry;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.cards.StatusCard;
import io.skillskit.cards.TimeRange;
import io.skillskit.cards.TimelineCard;
import io.skillskit.cards.TranscriptCard;
import io.skillskit.examples.analysis.TimeSpan;
import io.skillskit.examples.analysis.TranscriptLine;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.samples.SampleFiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The demo's self-check: the cards each sample must get, from the known results the samples were
 * made with.
 */
final class Expectations {

  /** How far a found sound or silence boundary may lie from the planted one, in seconds. */
  private static final double TIME_TOLERANCE = 0.05;

  private Expectations() {}

  /** Returns what is wrong with the cards of one sample; empty when they are as expected. */
  static List<String> check(
      String fileName,
      InvocationOutcome outcome,
      List<InvocationUpdate> history,
      List<SkillCard> cards) {
    List<String> problems = new ArrayList<>();
    boolean unsupported = fileName.equals(SampleFiles.UNSUPPORTED_FILE);
    checkHistory(history, unsupported ? "permanent_failure" : "success", problems);
    if (!problems.isEmpty()) {
      outcome.failure().ifPresent(failure -> problems.add("the skill reported " + failure));
      return problems;
    }
    switch (fileName) {
      case SampleFiles.TONES_WAV -> checkTimeline(cards, problems);
      case SampleFiles.COLOUR_BLOCKS_PNG -> checkColours(cards, problems);
      case SampleFiles.MEETING_NOTES_TXT -> checkTopics(cards, problems);
      case SampleFiles.CAPTIONS_VTT, SampleFiles.CAPTIONS_SRT -> checkTranscript(cards, problems);
      case SampleFiles.UNSUPPORTED_FILE -> checkInvalidFormat(cards, problems);
      default -> problems.add("no expectation is defined for this file");
    }
    return problems;
  }

  private static void checkHistory(
      List<InvocationUpdate> history, String finalStatus, List<String> problems) {
    List<String> statuses = history.stream().map(InvocationUpdate::status).toList();
    if (!statuses.equals(List.of("processing", finalStatus))) {
      problems.add("expected the statuses processing -> " + finalStatus + ", but got " + statuses);
    }
  }

  private static void checkTimeline(List<SkillCard> cards, List<String> problems) {
    Optional<TimelineCard> timeline = only(cards, TimelineCard.class, problems);
    if (timeline.isEmpty()) {
      return;
    }
    List<CardEntry> entries = timeline.get().entries();
    checkSpans(entries, "Sound", SampleFiles.tonesWavSound(), problems);
    checkSpans(entries, "Silence", SampleFiles.tonesWavSilence(), problems);
    for (CardEntry entry : entries) {
      if (entry.imageUrl().isEmpty()) {
        problems.add("timeline entry " + entry.text() + " has no image");
      }
    }
  }

  private static void checkSpans(
      List<CardEntry> entries, String label, List<TimeSpan> expected, List<String> problems) {
    Optional<CardEntry> entry = entries.stream().filter(e -> e.text().equals(label)).findFirst();
    if (entry.isEmpty()) {
      problems.add("the timeline has no entry " + label);
      return;
    }
    List<TimeRange> found = entry.get().appears();
    boolean matches = found.size() == expected.size();
    for (int i = 0; matches && i < found.size(); i++) {
      TimeRange range = found.get(i);
      matches =
          Math.abs(range.start() - expected.get(i).start()) <= TIME_TOLERANCE
              && range.end().isPresent()
              && Math.abs(range.end().getAsDouble() - expected.get(i).end()) <= TIME_TOLERANCE;
    }
    if (!matches) {
      problems.add("timeline entry " + label + " is at " + found + ", expected " + expected);
    }
  }

  private static void checkColours(List<SkillCard> cards, List<String> problems) {
    List<String> colours = keywords(cards, "Colours", problems);
    List<String> expected = List.copyOf(SampleFiles.colourBlocksShares().keySet());
    List<String> names =
        colours.stream().map(text -> text.split(" ")[0].toLowerCase(Locale.ROOT)).toList();
    if (!names.equals(expected)) {
      problems.add("the colours are " + colours + ", expected " + expected + " in that order");
    }
    List<String> image = keywords(cards, "Image", problems);
    if (!image.contains("200 x 100 px")) {
      problems.add("the image keywords " + image + " lack the size 200 x 100 px");
    }
  }

  private static void checkTopics(List<SkillCard> cards, List<String> problems) {
    List<String> topics = keywords(cards, "Topics", problems);
    List<String> expected = SampleFiles.meetingNotesTopTerms();
    if (topics.size() < expected.size() || !topics.subList(0, expected.size()).equals(expected)) {
      problems.add("the topics are " + topics + ", expected them to start with " + expected);
    }
  }

  private static void checkTranscript(List<SkillCard> cards, List<String> problems) {
    Optional<TranscriptCard> transcript = only(cards, TranscriptCard.class, problems);
    if (transcript.isEmpty()) {
      return;
    }
    List<CardEntry> entries = transcript.get().entries();
    List<TranscriptLine> expected = SampleFiles.captionLines();
    List<String> texts = entries.stream().map(CardEntry::text).toList();
    if (!texts.equals(expected.stream().map(TranscriptLine::text).toList())) {
      problems.add("the transcript lines are " + texts);
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      TimeRange range = entries.get(i).appears().get(0);
      TranscriptLine line = expected.get(i);
      if (range.start() != line.start() || range.end().orElse(-1) != line.end()) {
        problems.add("transcript line " + i + " is at " + range + ", expected " + line);
      }
    }
  }

  private static void checkInvalidFormat(List<SkillCard> cards, List<String> problems) {
    Optional<StatusCard> status = only(cards, StatusCard.class, problems);
    String expected = SkillsError.INVALID_FILE_FORMAT.code();
    if (status.isPresent() && !status.get().statusCode().equals(expected)) {
      problems.add("the error card has " + status.get().statusCode() + ", expected " + expected);
    }
  }

  private static List<String> keywords(List<SkillCard> cards, String title, List<String> problems) {
    Optional<KeywordCard> card =
        cards.stream()
            .filter(KeywordCard.class::isInstance)
            .map(KeywordCard.class::cast)
            .filter(keyword -> keyword.title().equals(title))
            .findFirst();
    if (card.isEmpty()) {
      problems.add("there is no keyword card titled " + title);
      return List.of();
    }
    return card.get().entries().stream().map(CardEntry::text).toList();
  }

  private static <T extends SkillCard> Optional<T> only(
      List<SkillCard> cards, Class<T> type, List<String> problems) {
    if (cards.size() != 1 || !type.isInstance(cards.get(0))) {
      problems.add(
          "expected one "
              + type.getSimpleName()
              + ", but got "
              + cards.stream().map(SkillCard::cardType).toList());
      return Optional.empty();
    }
    return Optional.of(type.cast(cards.get(0)));
  }
}
