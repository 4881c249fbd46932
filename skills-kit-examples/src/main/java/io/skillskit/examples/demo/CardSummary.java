package io.skillskit.examples.demo;

import static java.util.stream.Collectors.joining;

import io.skillskit.cards.CardEntry;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.StatusCard;
import io.skillskit.cards.TimeRange;
import io.skillskit.cards.TimelineCard;
import io.skillskit.cards.TranscriptCard;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/** Prints a card as a few readable lines: type, title and entries with their times. */
final class CardSummary {

  private CardSummary() {}

  static void print(SkillCard card, PrintStream out) {
    if (card instanceof KeywordCard keyword) {
      out.println("  keyword \"" + keyword.title() + "\": " + texts(keyword.entries()));
    } else if (card instanceof TimelineCard timeline) {
      out.println("  timeline \"" + timeline.title() + "\"" + duration(timeline.duration()));
      int width = timeline.entries().stream().mapToInt(e -> e.text().length()).max().orElse(0);
      for (CardEntry entry : timeline.entries()) {
        out.println(
            "    "
                + pad(entry.text(), width)
                + "  "
                + entry.appears().stream().map(CardSummary::range).collect(joining(", ")));
      }
    } else if (card instanceof TranscriptCard transcript) {
      out.println("  transcript \"" + transcript.title() + "\"" + duration(transcript.duration()));
      List<String> times =
          transcript.entries().stream()
              .map(e -> e.appears().stream().map(CardSummary::range).collect(joining(", ")))
              .toList();
      int width = times.stream().mapToInt(String::length).max().orElse(0);
      for (int i = 0; i < times.size(); i++) {
        out.println("    " + pad(times.get(i), width) + "  " + transcript.entries().get(i).text());
      }
    } else if (card instanceof StatusCard status) {
      out.println(
          "  status \""
              + status.title()
              + "\": "
              + status.statusCode()
              + status.statusMessage().map(message -> " (" + message + ")").orElse(""));
    } else {
      out.println("  " + card.cardType() + " card");
    }
  }

  private static String texts(List<CardEntry> entries) {
    return entries.stream().map(CardEntry::text).collect(joining(", "));
  }

  private static String duration(OptionalDouble seconds) {
    return seconds.isPresent() ? " (" + seconds(seconds.getAsDouble()) + " s)" : "";
  }

  private static String range(TimeRange range) {
    String start = seconds(range.start());
    return range.end().isPresent() ? start + "-" + seconds(range.end().getAsDouble()) : start;
  }

  private static String seconds(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }

  private static String pad(String text, int width) {
    return text + " ".repeat(Math.max(0, width - text.length()));
  }
}
