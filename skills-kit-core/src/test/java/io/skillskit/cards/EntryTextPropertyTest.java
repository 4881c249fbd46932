package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import io.skillskit.internal.CardJson;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * Card entries are appended as text rather than through the Jackson generator, for speed. Their
 * JSON must be exactly what the generator writes, character for character.
 */
class EntryTextPropertyTest {

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().all().ofMaxLength(30)),
        Tuple.of(4, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(30)),
        Tuple.of(2, Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u007f").ofMaxLength(8)),
        Tuple.of(1, Arbitraries.strings().withChars("\ud83c\udfa7\ud800\udfff\u2028\u2029é").ofMaxLength(8)));
  }

  @Provide
  Arbitrary<Double> seconds() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.doubles().between(0, 100_000)),
        Tuple.of(2, Arbitraries.doubles().between(0, 100_000).ofScale(3)),
        Tuple.of(2, Arbitraries.doubles().between(0, Double.MAX_VALUE)),
        Tuple.of(
            1,
            Arbitraries.of(
                0.0, -0.0, 0.001, 0.1, 1e-7, 9_999_999.5, 10_000_000.5, 9_007_199_254_740_993.0)));
  }

  @Property(tries = 5_000)
  void textEntryMatchesGenerator(
      @ForAll("texts") String text,
      @ForAll("seconds") double start,
      @ForAll("seconds") double length) {
    double end = start + length;
    if (Double.isInfinite(end)) {
      end = start;
    }
    CardEntry entry = CardEntry.trusted(text, null, List.of(TimeRange.of(start, end)));

    assertThat(appended(entry)).isEqualTo(generated(entry));
  }

  @Property(tries = 1_000)
  void imageEntryMatchesGenerator(
      @ForAll("texts") String text, @ForAll("texts") String url, @ForAll("seconds") double start) {
    CardEntry entry =
        CardEntry.trusted(
            text, url, List.of(TimeRange.startingAt(start), TimeRange.of(start, start)));

    assertThat(appended(entry)).isEqualTo(generated(entry));
  }

  @Example
  void entryWithoutTimesMatchesGenerator() {
    CardEntry entry = CardEntry.trusted("budget \"Q3\"\n", null, List.of());

    assertThat(appended(entry))
        .isEqualTo(generated(entry))
        .isEqualTo("{\"text\":\"budget \\\"Q3\\\"\\n\",\"type\":\"text\"}");
  }

  @Example
  void controlCharactersUseUpperCaseHex() {
    CardEntry entry = CardEntry.trusted("a\u0001\u001fz", null, List.of());

    assertThat(appended(entry)).isEqualTo("{\"text\":\"a\\u0001\\u001Fz\",\"type\":\"text\"}");
  }

  @Example
  void millisecondTimesMatchGenerator() {
    double[] times = {
      0.0005, 0.001, 0.01, 0.1, 0.2, 0.3, 0.5, 0.05, 0.015, 0.105, 1.5, 3.25, 12.345, 1234.567,
      0.1 + 0.2, 1.0005, 9_999_999.5, 9_999_999.999, 10_000_000.5, 86_400.001, 2.675
    };
    for (double time : times) {
      CardEntry entry = CardEntry.trusted("t", null, List.of(TimeRange.startingAt(time)));

      assertThat(appended(entry)).as("time %s", time).isEqualTo(generated(entry));
    }
  }

  private static String appended(CardEntry entry) {
    StringBuilder out = new StringBuilder();
    DataCards.appendEntry(out, entry);
    return out.toString();
  }

  /** Writes an entry field by field with the card generator, as the kit once did. */
  private static String generated(CardEntry entry) {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = CardJson.FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("text", entry.text());
      String imageUrl = entry.imageUrlOrNull();
      generator.writeStringField("type", imageUrl == null ? "text" : "image");
      if (imageUrl != null) {
        generator.writeStringField("image_url", imageUrl);
      }
      if (!entry.appears().isEmpty()) {
        generator.writeArrayFieldStart("appears");
        for (TimeRange range : entry.appears()) {
          generator.writeStartObject();
          generator.writeFieldName("start");
          CardJson.writeSeconds(generator, range.start());
          if (range.hasEnd()) {
            generator.writeFieldName("end");
            CardJson.writeSeconds(generator, range.end().getAsDouble());
          }
          generator.writeEndObject();
        }
        generator.writeEndArray();
      }
      generator.writeEndObject();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString();
  }
}
