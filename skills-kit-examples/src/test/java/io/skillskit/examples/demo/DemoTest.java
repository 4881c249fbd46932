package io.skillskit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.samples.SampleFiles;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoTest {

  @TempDir Path cards;

  @Test
  void demoPassesItsSelfCheck() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status = new Demo(new PrintStream(output, true, StandardCharsets.UTF_8), cards).run();

    String summary = output.toString(StandardCharsets.UTF_8);
    assertThat(status).as(summary).isZero();
    assertThat(summary)
        .contains("tones-and-pauses.wav: success (statuses written: processing -> success)")
        .contains("    Sound    0.00-1.00, 2.00-4.00, 4.50-5.50")
        .contains("    Silence  1.00-2.00, 4.00-4.50")
        .contains("keyword \"Colours\": blue (60%), orange (30%), white (10%)")
        .contains("keyword \"Topics\": budget, hiring, roadmap, customers, support")
        .contains("sensor-readings.xyz: permanent_failure")
        .contains("status \"Error\": skills_invalid_file_format_error")
        .contains("Self-check passed: all 6 files got the expected cards.");
    for (SampleFile sample : SampleFiles.all()) {
      Path json = cards.resolve(sample.fileName() + ".json");
      JsonNode document = new ObjectMapper().readTree(json.toFile());
      assertThat(document.get("cards")).as(sample.fileName()).isNotEmpty();
      assertThat(Files.readString(json)).contains("\n  \"cards\" : [");
    }
  }

  @Test
  void demoRunsTwiceInOneDirectory() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    Files.writeString(cards.resolve("stale.json"), "{}");

    int first = new Demo(quiet, cards).run();
    int second = new Demo(quiet, cards).run();

    assertThat(first).isZero();
    assertThat(second).isZero();
    assertThat(cards.resolve("stale.json")).doesNotExist();
    try (var files = Files.list(cards)) {
      assertThat(files).hasSize(SampleFiles.all().size());
    }
  }

  @Test
  void unwritableCardsDirectoryFailsTheDemo() throws Exception {
    Path notADirectory = cards.resolve("file");
    Files.writeString(notADirectory, "x");
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    int status =
        new Demo(new PrintStream(output, true, StandardCharsets.UTF_8), notADirectory).run();

    assertThat(status).isEqualTo(1);
    assertThat(output.toString(StandardCharsets.UTF_8))
        .startsWith("Demo FAILED: could not write the cards under " + notADirectory);
  }
}
