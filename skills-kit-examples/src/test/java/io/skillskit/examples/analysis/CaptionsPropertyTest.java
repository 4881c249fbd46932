package io.skillskit.examples.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.examples.samples.SampleFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class CaptionsPropertyTest {

  private static final String VTT =
      new String(SampleFiles.captionsVtt().content(), StandardCharsets.UTF_8);
  private static final String SRT =
      new String(SampleFiles.captionsSrt().content(), StandardCharsets.UTF_8);

  /** Characters that matter to the parsers, so that mutations hit their edge cases. */
  private static final String SIGNIFICANT = "0123456789:.,->\n\r \t<&;#xWEBVTNO{}\\\uFEFF";

  @Property(tries = 500)
  void mutatedCaptionsParseOrFailWithAnalysisException(
      @ForAll("mutations") List<Mutation> mutations, @ForAll boolean webVtt) {
    // The run fails unless some mutated files parse and some are rejected.
    Statistics.coverage(
        coverage -> {
          coverage.check("parsed").count(count -> count > 0);
          coverage.check("rejected").count(count -> count > 0);
        });
    String text = webVtt ? VTT : SRT;
    for (Mutation mutation : mutations) {
      text = mutation.apply(text);
    }

    Transcript transcript;
    try {
      transcript = Captions.parse(text);
    } catch (AnalysisException expected) {
      Statistics.collect("rejected");
      return;
    }
    Statistics.collect("parsed");

    double latestEnd = 0;
    for (TranscriptLine line : transcript.lines()) {
      assertThat(line.text()).isNotBlank().isEqualTo(line.text().strip());
      assertThat(line.start()).isLessThanOrEqualTo(line.end());
      latestEnd = Math.max(latestEnd, line.end());
    }
    assertThat(transcript.durationSeconds()).isEqualTo(latestEnd);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Integer> kind = Arbitraries.integers().between(0, 3);
    Arbitrary<Integer> position = Arbitraries.integers().between(0, 1_000);
    Arbitrary<Character> character =
        Arbitraries.oneOf(Arbitraries.of(SIGNIFICANT.toCharArray()), Arbitraries.chars());
    return Combinators.combine(kind, position, character)
        .as(Mutation::new)
        .list()
        .ofMinSize(1)
        .ofMaxSize(6);
  }

  /** One edit of the text: delete, insert or replace a character, or duplicate a line. */
  record Mutation(int kind, int position, char character) {
    String apply(String text) {
      if (text.isEmpty()) {
        return String.valueOf(character);
      }
      int at = position % text.length();
      return switch (kind) {
        case 0 -> text.substring(0, at) + text.substring(at + 1);
        case 1 -> text.substring(0, at) + character + text.substring(at);
        case 2 -> text.substring(0, at) + character + text.substring(at + 1);
        default -> {
          int lineStart = text.lastIndexOf('\n', at) + 1;
          int lineEnd = text.indexOf('\n', at);
          String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd + 1);
          yield text.substring(0, lineStart) + line + text.substring(lineStart);
        }
      };
    }
  }
}
