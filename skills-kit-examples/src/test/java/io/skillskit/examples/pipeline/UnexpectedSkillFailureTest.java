package io.skillskit.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.box.FilesReader;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.skills.ExampleSkill;
import io.skillskit.examples.skills.SkillResult;
import io.skillskit.request.SkillsRequest;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Skills that break their contract in ways the pipeline cannot classify: the file must still leave
 * the processing state, and the outcome must still complete.
 */
class UnexpectedSkillFailureTest {

  @Test
  void errorFromSkillWritesErrorCard() throws Exception {
    ExampleSkill failing =
        skill(
            () -> {
              throw new AssertionError("the skill's own check failed");
            });

    try (SkillHarness harness = SkillHarness.start(builder -> builder.skill(failing))) {
      LocalFile file = harness.add(SampleFiles.captionsVtt());

      InvocationOutcome outcome = deliver(harness, file);

      assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.PERMANENT_FAILURE);
      assertThat(outcome.error()).contains(SkillsError.FILE_PROCESSING_ERROR);
      assertThat(statuses(harness, file)).containsExactly("processing", "permanent_failure");
    }
  }

  @Test
  void nullResultWritesErrorCard() throws Exception {
    try (SkillHarness harness = SkillHarness.start(builder -> builder.skill(skill(() -> null)))) {
      LocalFile file = harness.add(SampleFiles.captionsVtt());

      InvocationOutcome outcome = deliver(harness, file);

      assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.PERMANENT_FAILURE);
      assertThat(outcome.error()).contains(SkillsError.FILE_PROCESSING_ERROR);
      assertThat(outcome.failure()).hasValueSatisfying(text -> assertThat(text).contains("returned null"));
      assertThat(statuses(harness, file)).containsExactly("processing", "permanent_failure");
    }
  }

  @Test
  void closeWritesErrorCardsForUnfinishedWork() throws Exception {
    java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
    ExampleSkill blocking =
        skill(
            () -> {
              started.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted by close", e);
              }
              return null;
            });
    SkillHarness harness =
        SkillHarness.start(
            builder ->
                builder
                    .skill(blocking)
                    .workers(1)
                    .shutdownTimeout(java.time.Duration.ofMillis(200)));
    try (harness) {
      LocalFile running = harness.add(SampleFiles.captionsVtt());
      LocalFile queued = harness.add(SampleFiles.captionsSrt());
      SkillResponse first = accept(harness, running);
      started.await(SkillHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      SkillResponse second = accept(harness, queued);

      harness.pipeline().close();

      InvocationOutcome queuedOutcome =
          second.completion().orElseThrow().get(SkillHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      InvocationOutcome runningOutcome =
          first.completion().orElseThrow().get(SkillHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      assertThat(queuedOutcome.result()).isEqualTo(InvocationOutcome.Result.TRANSIENT_FAILURE);
      assertThat(runningOutcome.result()).isEqualTo(InvocationOutcome.Result.TRANSIENT_FAILURE);
      assertThat(statuses(harness, queued)).containsExactly("transient_failure");
      assertThat(statuses(harness, running)).containsExactly("processing", "transient_failure");
    }
  }

  private static SkillResponse accept(SkillHarness harness, LocalFile file) {
    InvocationEvent event = harness.eventFor(file);
    SkillResponse response =
        harness
            .pipeline()
            .handle(
                event.body(), SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())));
    assertThat(response.statusCode()).isEqualTo(200);
    return response;
  }

  private static InvocationOutcome deliver(SkillHarness harness, LocalFile file) throws Exception {
    InvocationEvent event = harness.eventFor(file);
    SkillResponse response =
        harness
            .pipeline()
            .handle(
                event.body(), SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())));
    assertThat(response.statusCode()).isEqualTo(200);
    return response
        .completion()
        .orElseThrow()
        .get(SkillHarness.TIMEOUT.toSeconds(), TimeUnit.SECONDS);
  }

  private static List<String> statuses(SkillHarness harness, LocalFile file) {
    return harness.box().invocationHistory(file.id()).stream()
        .map(InvocationUpdate::status)
        .toList();
  }

  private static ExampleSkill skill(Supplier<SkillResult> process) {
    return new ExampleSkill() {
      @Override
      public Set<String> extensions() {
        return Set.of("vtt", "srt");
      }

      @Override
      public SkillResult process(SkillsRequest request, FilesReader reader) {
        return process.get();
      }
    };
  }
}
