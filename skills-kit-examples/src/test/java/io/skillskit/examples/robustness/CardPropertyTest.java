package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.NoInfoFoundException;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.TimelineCard;
import io.skillskit.cards.TranscriptCard;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Builds keyword, transcript and timeline cards from NaN, infinite, negative and reversed times and
 * from blank, huge and odd texts. Each outcome is checked against the builder's documented rules.
 * Either the card contains exactly the visible texts and the given times, or the build fails with
 * the exception and message the builder documents. 10,000 tries per property.
 */
class CardPropertyTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String IMAGE = "https://img.example.test/a.png";

  enum Kind {
    KEYWORD,
    TRANSCRIPT,
    TIMELINE
  }

  /** One entry: invisible padding around a core text, and optional times. */
  record Entry(String pad, String core, boolean isNull, Double start, Double end) {

    String text() {
      return isNull ? null : pad + core + pad;
    }

    boolean blank() {
      return isNull || core.isEmpty();
    }

    boolean unpairedSurrogate() {
      for (int i = 0; i < core.length(); i++) {
        char c = core.charAt(i);
        if (Character.isHighSurrogate(c)
            && i + 1 < core.length()
            && Character.isLowSurrogate(core.charAt(i + 1))) {
          i++;
        } else if (Character.isSurrogate(c)) {
          return true;
        }
      }
      return false;
    }

    @Override
    public String toString() {
      String shown = isNull ? "null" : core.length() > 40 ? core.length() + " chars" : core;
      return "Entry[" + shown + ", " + start + "-" + end + "]";
    }
  }

  @Property(tries = 10_000)
  void cardHoldsExactlyTheValidEntries(
      @ForAll Kind kind,
      @ForAll("entries") List<Entry> entries,
      @ForAll("durations") Double duration,
      @ForAll("titles") String title,
      @ForAll boolean strict) {
    Tally.add(Tally.CASES, 1);
    Supplier<SkillCard> build = () -> build(kind, entries, duration, title, strict);
    String problem = expectedProblem(kind, entries, duration, title, strict);

    if (problem != null) {
      assertThatThrownBy(build::get)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(problem);
      return;
    }
    if (entries.stream().allMatch(Entry::blank)) {
      assertThatThrownBy(build::get).isInstanceOf(NoInfoFoundException.class);
      return;
    }
    SkillCard card = build.get();
    JsonNode written = tree(card.toJson());
    List<Entry> kept = entries.stream().filter(entry -> !entry.blank()).toList();
    assertThat(written.get("entries")).hasSize(kept.size());
    for (int i = 0; i < kept.size(); i++) {
      assertEntry(kind, written.get("entries").get(i), kept.get(i));
    }
    assertThat(SkillCard.parse(card.toJson()).toJson()).isEqualTo(card.toJson());
  }

  private static SkillCard build(
      Kind kind, List<Entry> entries, Double duration, String title, boolean strict) {
    return switch (kind) {
      case KEYWORD -> {
        KeywordCard.Builder builder = KeywordCard.builder("10027", "i-1");
        if (title != null) {
          builder.title(title);
        }
        if (duration != null) {
          builder.duration(duration);
        }
        if (strict) {
          builder.rejectBlankEntries();
        }
        for (Entry entry : entries) {
          if (untimed(kind, entry)) {
            builder.addEntry(entry.text());
          } else {
            builder.addEntry(entry.text(), entry.start(), entry.end());
          }
        }
        yield builder.build();
      }
      case TRANSCRIPT -> {
        TranscriptCard.Builder builder = TranscriptCard.builder("10027", "i-1");
        if (title != null) {
          builder.title(title);
        }
        if (duration != null) {
          builder.duration(duration);
        }
        if (strict) {
          builder.rejectBlankEntries();
        }
        for (Entry entry : entries) {
          if (entry.start() == null) {
            builder.addEntry(entry.text());
          } else if (entry.end() == null) {
            builder.addEntry(entry.text(), entry.start());
          } else {
            builder.addEntry(entry.text(), entry.start(), entry.end());
          }
        }
        yield builder.build();
      }
      case TIMELINE -> {
        TimelineCard.Builder builder = TimelineCard.builder("10027", "i-1");
        if (title != null) {
          builder.title(title);
        }
        if (duration != null) {
          builder.duration(duration);
        }
        if (strict) {
          builder.rejectBlankEntries();
        }
        for (Entry entry : entries) {
          builder.addEntry(entry.text(), IMAGE, timelineStart(entry), timelineEnd(entry));
        }
        yield builder.build();
      }
    };
  }

  /** Returns the text the build failure must contain, or null when the build must work. */
  private static String expectedProblem(
      Kind kind, List<Entry> entries, Double duration, String title, boolean strict) {
    String type = kind.name().toLowerCase(java.util.Locale.ROOT);
    if (duration != null && !(Double.isFinite(duration) && duration >= 0)) {
      return type + " card duration";
    }
    if (title != null && title.isBlank()) {
      return type + " card title must not be blank";
    }
    for (int i = 0; i < entries.size(); i++) {
      Entry entry = entries.get(i);
      String name = type + " entry " + i;
      if (entry.blank()) {
        if (strict) {
          return name + " text must not be blank";
        }
        continue;
      }
      if (entry.unpairedSurrogate()) {
        return name + " text has an unpaired UTF-16 surrogate";
      }
      if (timesInvalid(kind, entry)) {
        return name + " has an invalid time";
      }
    }
    return null;
  }

  /** Keyword entries are added with both times or none; transcript entries need a start. */
  private static boolean untimed(Kind kind, Entry entry) {
    return switch (kind) {
      case KEYWORD -> entry.start() == null || entry.end() == null;
      case TRANSCRIPT -> entry.start() == null;
      case TIMELINE -> false;
    };
  }

  /** Timeline entries need a range, so a missing start is 0 and a missing end is the start. */
  private static double timelineStart(Entry entry) {
    return entry.start() == null ? 0 : entry.start();
  }

  private static double timelineEnd(Entry entry) {
    return entry.end() == null ? timelineStart(entry) : entry.end();
  }

  private static boolean timesInvalid(Kind kind, Entry entry) {
    if (untimed(kind, entry)) {
      return false;
    }
    double start = kind == Kind.TIMELINE ? timelineStart(entry) : entry.start();
    if (!Double.isFinite(start) || start < 0) {
      return true;
    }
    if (kind == Kind.TRANSCRIPT && entry.end() == null) {
      return false;
    }
    double end = kind == Kind.TIMELINE ? timelineEnd(entry) : entry.end();
    return !Double.isFinite(end) || end < 0 || start > end;
  }

  private static void assertEntry(Kind kind, JsonNode written, Entry entry) {
    assertThat(written.get("text").asText()).isEqualTo(entry.core());
    JsonNode appears = written.path("appears");
    if (untimed(kind, entry)) {
      assertThat(appears.isMissingNode()).isTrue();
      return;
    }
    double start = kind == Kind.TIMELINE ? timelineStart(entry) : entry.start();
    assertThat(appears.get(0).get("start").asDouble()).isEqualTo(start + 0.0);
    if (kind == Kind.TIMELINE || entry.end() != null) {
      double end = kind == Kind.TIMELINE ? timelineEnd(entry) : entry.end();
      assertThat(appears.get(0).get("end").asDouble()).isEqualTo(end + 0.0);
    }
  }

  private static JsonNode tree(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Provide
  Arbitrary<List<Entry>> entries() {
    return entry().list().ofMaxSize(6);
  }

  private static Arbitrary<Entry> entry() {
    Arbitrary<String> pads = Arbitraries.of("", "", " ", "\t", "\u00a0", "\u200b", "\n", "\u3000");
    Arbitrary<String> cores =
        Arbitraries.frequencyOf(
            Tuple.of(32, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(20)),
            Tuple.of(8, Arbitraries.just("")),
            Tuple.of(
                8,
                Arbitraries.of(
                    "caf\u00e9 au lait",
                    "\ud83c\udfa7 track",
                    "\u65e5\u672c\u8a9e",
                    "a\u200bb",
                    "quote\"back\\slash",
                    "x\u0000y",
                    "a\u202eb",
                    "${jndi:x}")),
            Tuple.of(4, Arbitraries.of("bad\ud800", "\udc00tail", "a\ud83cb")),
            // Huge texts are rare because each costs a few milliseconds to build and check.
            Tuple.of(
                1,
                Arbitraries.integers()
                    .between(10_000, 200_000)
                    .map(length -> "w".repeat(length - 1) + "z")));
    Arbitrary<Double> starts = seconds().injectNull(0.3);
    return Combinators.combine(
            pads,
            cores,
            Arbitraries.integers().between(0, 20),
            starts,
            seconds().injectNull(0.2),
            Arbitraries.integers().between(0, 9))
        .as(
            (pad, core, nullChoice, start, other, order) -> {
              Double end = other;
              if (start != null && other != null && order < 7) {
                end = start + Math.abs(other);
              }
              return new Entry(pad, core, nullChoice == 0, start, start == null ? null : end);
            });
  }

  private static Arbitrary<Double> seconds() {
    return Arbitraries.frequencyOf(
        Tuple.of(10, Arbitraries.doubles().between(0, 100_000)),
        Tuple.of(2, Arbitraries.doubles().between(-10, 10)),
        Tuple.of(1, Arbitraries.doubles()),
        Tuple.of(
            3,
            Arbitraries.of(
                Double.NaN,
                Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY,
                -0.0,
                0.0,
                -Double.MIN_VALUE,
                Double.MIN_VALUE,
                Double.MAX_VALUE,
                1e300,
                9_007_199_254_740_993.0,
                0.1)));
  }

  @Provide
  Arbitrary<Double> durations() {
    return seconds().injectNull(0.5);
  }

  @Provide
  Arbitrary<String> titles() {
    return Arbitraries.of("Topics", "caf\u00e9", "\ud83c\udfa7", "", " ", "\t\n").injectNull(0.5);
  }
}
