package io.skillskit.examples.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.TranscriptCard;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Builds and serialises a 100-entry keyword card and a 1,000-entry transcript card, every entry
 * with an {@code appears} time range, and, as the baseline, writes the same transcript JSON with a
 * bare Jackson {@link JsonGenerator}.
 *
 * <p>The kit's figures include the builder's checks (text not blank, times finite and ordered),
 * the copies it makes, the {@code created_at} stamp and {@code toJson()}. The baseline writes the
 * same fields from the same arrays with no checks, which is the floor for Jackson on this machine.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = BenchFixtures.LOGGING)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class CardsBenchmark {

  static final int KEYWORDS = 100;
  static final int TRANSCRIPT_LINES = 1_000;

  private SkillsRequest request;
  private String[] keywords;
  private String[] lines;
  private double[] starts;
  private double[] ends;
  private JsonFactory factory;

  /** Parses the event the cards belong to and prepares texts and times. */
  @Setup
  public void setUp() {
    request = SkillsRequest.parse(BenchFixtures.bytes(BenchFixtures.AUDIO_EVENT));
    keywords = new String[KEYWORDS];
    for (int i = 0; i < KEYWORDS; i++) {
      keywords[i] = "keyword " + i;
    }
    lines = new String[TRANSCRIPT_LINES];
    starts = new double[TRANSCRIPT_LINES];
    ends = new double[TRANSCRIPT_LINES];
    for (int i = 0; i < TRANSCRIPT_LINES; i++) {
      lines[i] = "Line " + i + " of the weekly sync: the budget review moves to next quarter.";
      // Half the times are whole seconds and half fractional, as speech timings are.
      starts[i] = i * 3.5;
      ends[i] = i * 3.5 + 3.25;
    }
    factory = new JsonFactory();
  }

  /**
   * Builds the keyword card and returns its JSON.
   *
   * @return the card JSON
   */
  @Benchmark
  public String keywordCard() {
    KeywordCard.Builder builder = KeywordCard.builder(request).title("Topics");
    for (int i = 0; i < KEYWORDS; i++) {
      builder.addEntry(keywords[i], starts[i], ends[i]);
    }
    return builder.build().toJson();
  }

  /**
   * Builds the transcript card and returns its JSON.
   *
   * @return the card JSON
   */
  @Benchmark
  public String transcriptCard() {
    TranscriptCard.Builder builder = TranscriptCard.builder(request).duration(3_500);
    for (int i = 0; i < TRANSCRIPT_LINES; i++) {
      builder.addEntry(lines[i], starts[i], ends[i]);
    }
    return builder.build().toJson();
  }

  /**
   * Writes the transcript card's JSON with a bare generator, as the baseline.
   *
   * @return the JSON
   * @throws IOException never, since the writer is in memory
   */
  @Benchmark
  public String jacksonTranscriptJson() throws IOException {
    StringWriter out = new StringWriter(128 * TRANSCRIPT_LINES);
    try (JsonGenerator generator = factory.createGenerator(out)) {
      generator.writeStartObject();
      generator.writeStringField("created_at", Instant.now().toString());
      generator.writeStringField("type", "skill_card");
      generator.writeObjectFieldStart("skill");
      generator.writeStringField("type", "service");
      generator.writeStringField("id", request.skill().id());
      generator.writeEndObject();
      generator.writeStringField("skill_card_type", "transcript");
      generator.writeObjectFieldStart("skill_card_title");
      generator.writeStringField("code", "skills_transcript");
      generator.writeStringField("message", "Transcript");
      generator.writeEndObject();
      generator.writeObjectFieldStart("invocation");
      generator.writeStringField("type", "skill_invocation");
      generator.writeStringField("id", request.id());
      generator.writeEndObject();
      generator.writeObjectFieldStart("status");
      generator.writeEndObject();
      generator.writeArrayFieldStart("entries");
      for (int i = 0; i < TRANSCRIPT_LINES; i++) {
        generator.writeStartObject();
        generator.writeStringField("text", lines[i]);
        generator.writeStringField("type", "text");
        generator.writeArrayFieldStart("appears");
        generator.writeStartObject();
        generator.writeNumberField("start", starts[i]);
        generator.writeNumberField("end", ends[i]);
        generator.writeEndObject();
        generator.writeEndArray();
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeNumberField("duration", 3_500);
      generator.writeEndObject();
    }
    return out.toString();
  }
}
