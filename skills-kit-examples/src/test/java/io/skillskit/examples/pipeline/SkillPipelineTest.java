package io.skillskit.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.SkillsWriter;
import io.skillskit.examples.localbox.Fault;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.skills.SkillRouter;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class SkillPipelineTest {

  @Test
  void buildWithoutKeysIsRejected() {
    try (BoxEndpoints endpoints = BoxEndpoints.at(URI.create("http://127.0.0.1:9"))) {
      SkillPipeline.Builder builder =
          SkillPipeline.builder().endpoints(endpoints).skill(SkillRouter.withExamples());

      assertThatThrownBy(builder::build)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("No signature keys are configured.");
    }
  }

  @Test
  void buildWithoutEndpointsIsRejected() {
    SkillPipeline.Builder builder =
        SkillPipeline.builder()
            .signingKeys(SkillHarness.PRIMARY_KEY, null)
            .skill(SkillRouter.withExamples());

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("No Box endpoints are configured.");
  }

  @Test
  void acceptedInvocationCompletesItsFuture() throws Exception {
    try (SkillHarness harness = SkillHarness.start()) {
      LocalFile file = harness.add(SampleFiles.captionsVtt());
      InvocationEvent event = harness.eventFor(file);

      SkillResponse response =
          harness
              .pipeline()
              .handle(
                  event.body(), SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())));
      InvocationOutcome outcome =
          response.completion().orElseThrow().get(20, java.util.concurrent.TimeUnit.SECONDS);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .isEqualTo(
              "{\"status\":\"accepted\",\"invocation_id\":\"" + event.invocationId() + "\"}");
      assertThat(outcome.isSuccess()).isTrue();
      assertThat(outcome.fileId()).isEqualTo(file.id());
      assertThat(outcome.cards()).hasSize(1);
      assertThat(outcome.error()).isEmpty();
    }
  }

  @Test
  void logLinesCarryInvocationIdInMdc() throws Exception {
    try (SkillHarness harness = SkillHarness.start();
        LogCapture logs = LogCapture.of("io.skillskit.examples.pipeline", Level.INFO)) {
      LocalFile file = harness.add(SampleFiles.captionsVtt());
      InvocationEvent event = harness.eventFor(file);

      harness
          .pipeline()
          .handle(event.body(), SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())));
      harness.await(event.invocationId());

      List<ILoggingEvent> started =
          logs.events().stream()
              .filter(e -> e.getFormattedMessage().startsWith("Started invocation"))
              .toList();
      List<ILoggingEvent> accepted =
          logs.events().stream()
              .filter(e -> e.getFormattedMessage().startsWith("Accepted invocation"))
              .toList();
      assertThat(started).hasSize(1);
      assertThat(started.get(0).getThreadName()).contains("skill-pipeline");
      assertThat(started.get(0).getMDCPropertyMap())
          .containsEntry(SkillsWriter.MDC_INVOCATION_ID, event.invocationId());
      assertThat(accepted).hasSize(1);
      assertThat(accepted.get(0).getMDCPropertyMap())
          .containsEntry(SkillsWriter.MDC_INVOCATION_ID, event.invocationId());
      assertThat(MDC.get(SkillsWriter.MDC_INVOCATION_ID)).isNull();
    }
  }

  @Test
  void unsignedModeWarnsOnEachRequest() throws Exception {
    try (SkillHarness harness =
            SkillHarness.start(SkillPipeline.Builder::acceptUnsignedRequestsForLocalTesting);
        LogCapture logs = LogCapture.of("io.skillskit.signature", Level.WARN)) {
      LocalFile first = harness.add(SampleFiles.captionsVtt());
      LocalFile second = harness.add(SampleFiles.captionsSrt());
      InvocationEvent firstEvent = harness.eventFor(first);
      InvocationEvent secondEvent = harness.eventFor(second);

      SkillResponse firstResponse = harness.pipeline().handle(firstEvent.body(), Map.of());
      SkillResponse secondResponse = harness.pipeline().handle(secondEvent.body(), Map.of());
      harness.await(firstEvent.invocationId());
      harness.await(secondEvent.invocationId());

      assertThat(harness.pipeline().checksSignatures()).isFalse();
      assertThat(firstResponse.statusCode()).isEqualTo(200);
      assertThat(secondResponse.statusCode()).isEqualTo(200);
      assertThat(logs.texts()).hasSize(2).allMatch(text -> text.contains("WITHOUT verifying"));
    }
  }

  @Test
  void fullQueueGets503AndForgetsTheInvocation() throws Exception {
    try (SkillHarness harness =
        SkillHarness.start(builder -> builder.workers(1).queueCapacity(1))) {
      LocalBox box = harness.box();
      Fault held = box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).hold();
      InvocationEvent running = harness.eventFor(harness.add(SampleFiles.captionsVtt()));
      InvocationEvent queued = harness.eventFor(harness.add(SampleFiles.captionsSrt()));
      InvocationEvent rejected = harness.eventFor(harness.add(SampleFiles.colourBlocksPng()));

      SkillResponse runningResponse;
      SkillResponse queuedResponse;
      SkillResponse rejectedResponse;
      try {
        runningResponse = deliver(harness, running);
        assertThat(held.awaitHits(1, SkillHarness.TIMEOUT)).isTrue();
        queuedResponse = deliver(harness, queued);
        rejectedResponse = deliver(harness, rejected);
      } finally {
        held.release();
      }
      harness.await(running.invocationId());
      harness.await(queued.invocationId());
      SkillResponse redelivered = deliver(harness, rejected);
      InvocationOutcome outcome = harness.await(rejected.invocationId());

      assertThat(runningResponse.statusCode()).isEqualTo(200);
      assertThat(queuedResponse.statusCode()).isEqualTo(200);
      assertThat(rejectedResponse.statusCode()).isEqualTo(503);
      assertThat(rejectedResponse.headers()).containsEntry("Retry-After", "30");
      assertThat(redelivered.statusCode()).isEqualTo(200);
      assertThat(outcome.isSuccess()).isTrue();
    }
  }

  @Test
  void closedPipelineGets503() throws Exception {
    try (SkillHarness harness = SkillHarness.start()) {
      InvocationEvent event = harness.eventFor(harness.add(SampleFiles.captionsVtt()));
      harness.pipeline().close();

      SkillResponse response = deliver(harness, event);

      assertThat(response.statusCode()).isEqualTo(503);
      assertThat(harness.box().requests()).isEmpty();
    }
  }

  @Test
  void handleWithinReturnsTheOutcome() throws Exception {
    try (SkillHarness harness = SkillHarness.start()) {
      LocalFile file = harness.add(SampleFiles.colourBlocksPng());
      InvocationEvent event = harness.eventFor(file);

      SkillResponse response =
          harness
              .pipeline()
              .handleWithin(
                  event.body(),
                  SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())),
                  Duration.ofSeconds(20));

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body()).contains("\"status\":\"success\"");
      assertThat(response.completion().orElseThrow()).isDone();
      assertThat(harness.box().storedCards(file.id())).hasSize(2);
    }
  }

  @Test
  void responsesNeverEchoTheBody() throws Exception {
    try (SkillHarness harness = SkillHarness.start()) {
      InvocationEvent event = harness.eventFor(harness.add(SampleFiles.captionsVtt()));
      byte[] forged = event.bodyAsString().replace("skill_invocation", "other").getBytes();

      SkillResponse unsigned = harness.pipeline().handle(event.body(), Map.of());
      SkillResponse invalid =
          harness
              .pipeline()
              .handle(forged, SkillHarness.multiValued(SkillHarness.signedHeaders(forged)));

      assertThat(unsigned.statusCode()).isEqualTo(401);
      assertThat(unsigned.body()).doesNotContain("access_token");
      assertThat(invalid.statusCode()).isEqualTo(400);
      assertThat(invalid.body()).doesNotContain("access_token").contains("$.type");
    }
  }

  private static SkillResponse deliver(SkillHarness harness, InvocationEvent event) {
    return harness
        .pipeline()
        .handle(event.body(), SkillHarness.multiValued(SkillHarness.signedHeaders(event.body())));
  }
}
