package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.handlers.jdk.JdkSkillServer;
import io.skillskit.examples.localbox.Fault;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.InvocationOutcome.Result;
import io.skillskit.examples.pipeline.InvocationTracker;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.DeliveryResult;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.sender.InvocationSender;
import io.skillskit.examples.skills.SkillRouter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Injects the same faults into whole invocations: signed deliveries from the sender, through the
 * JDK endpoint and the example pipeline, against LocalBox. Each invocation must end with its cards
 * stored once, or with an error card and a log line that names the invocation and the failure.
 */
class PipelineFaultTest {

  /** Only a guard against hangs; no invocation here needs more than a second of real time. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static final String PRIMARY_KEY = "RobustPrimaryKey0123456789abcdefg";
  private static final String SECONDARY_KEY = "RobustSecondaryKey0123456789abcde";
  private static final String INVOCATIONS = "/2.0/skill_invocations/";
  private static final String PIPELINE_LOGGER = "io.skillskit.examples.pipeline";

  private final InvocationTracker tracker = new InvocationTracker();
  private Resources resources;
  private LogLines logs;
  private LocalBox box;
  private FakeTime time;
  private BoxEndpoints endpoints;
  private SkillPipeline pipeline;
  private JdkSkillServer server;
  private InvocationSender sender;
  private LocalFile file;
  private InvocationGrant grant;
  private int manualFaults;

  @BeforeEach
  void start() {
    resources = Resources.snapshot();
    logs = LogLines.capture();
    box = LocalBox.start();
    time = new FakeTime(Instant.now());
    sender = InvocationSender.builder().primaryKey(PRIMARY_KEY).secondaryKey(SECONDARY_KEY).build();
    file = box.addFile("weekly-sync.vtt", SampleFiles.captionsVtt().content());
    grant = box.invocationFor(file.id());
    startSkill(builder -> builder);
  }

  private void startSkill(UnaryOperator<BoxEndpoints.Builder> settings) {
    stopSkill();
    endpoints =
        settings
            .apply(BoxEndpoints.builder(box.baseUri()).sleeper(time).clock(time).retryJitter(0))
            .build();
    pipeline =
        SkillPipeline.builder()
            .signingKeys(PRIMARY_KEY, SECONDARY_KEY)
            .endpoints(endpoints)
            .skill(SkillRouter.withExamples())
            .listener(tracker)
            .sleeper(duration -> {})
            .processingAttempts(3)
            .build();
    server = JdkSkillServer.start(pipeline);
  }

  private void stopSkill() {
    if (server != null) {
      server.close();
      pipeline.close();
      assertThat(Resources.connectionsInUse(endpoints)).as("connections in use").isZero();
      endpoints.close();
    }
  }

  @AfterEach
  void stop() throws InterruptedException {
    int injected = manualFaults;
    for (Fault fault : box.faults().installed()) {
      injected += fault.hits();
    }
    Tally.add(Tally.FAULTS, injected);
    stopSkill();
    box.close();
    logs.close();
    resources.assertReleased();
  }

  @Test
  void rateLimitOnCardWrites() throws Exception {
    box.faults().on(Method.PUT, INVOCATIONS).respond(429).withRetryAfter("2").times(2);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertTranscriptStoredOnce();
  }

  @Test
  void rateLimitOnDownloadWithoutRetryAfter() throws Exception {
    box.faults().on(Method.GET, contentPath()).respond(429).times(3);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
    assertThat(time.sleeps()).hasSize(3);
    assertTranscriptStoredOnce();
  }

  @Test
  void serverErrorsBeyondTheKitsRetries() throws Exception {
    startSkill(builder -> builder.maxAttempts(2));
    box.faults().on(Method.GET, contentPath()).respond(503).times(3);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(warnings())
        .anyMatch(line -> line.startsWith("Attempt 1 of 3 to process invocation"));
    assertTranscriptStoredOnce();
  }

  @Test
  void downloadCutOffOnce() throws Exception {
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(50);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertTranscriptStoredOnce();
  }

  @Test
  void downloadCutOffEveryTime() throws Exception {
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(50).always();

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.TRANSIENT_FAILURE);
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
    assertThat(warnings())
        .anyMatch(
            line ->
                line.startsWith("Invocation " + outcome.invocationId() + " failed after 3 attempt")
                    && line.contains("ContentTruncatedException"));
  }

  @Test
  void slowResponsePastReadTimeout() throws Exception {
    startSkill(builder -> builder.readTimeout(Duration.ofMillis(300)));
    box.faults().on(Method.GET, contentPath()).delay(Duration.ofSeconds(3)).times(1);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.SUCCESS);
    assertThat(box.requestsTo(Method.GET, contentPath())).hasSize(2);
    assertTranscriptStoredOnce();
  }

  @Test
  void readTokenExpiresMidRun() throws Exception {
    Fault held = box.faults().on(Method.GET, contentPath()).hold();

    InvocationOutcome outcome =
        invoke(
            () -> {
              assertThat(held.awaitHits(1, HANG_GUARD)).isTrue();
              box.expireToken(grant.readToken());
              manualFaults++;
              held.release();
            });

    assertThat(outcome.result()).isEqualTo(Result.TRANSIENT_FAILURE);
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
    assertThat(warnings())
        .anyMatch(
            line ->
                line.startsWith("Invocation " + outcome.invocationId() + " failed after 1 attempt")
                    && line.contains("TokenExpiredException: Box rejected the read token"));
  }

  @Test
  void writeTokenExpiresMidRun() throws Exception {
    Fault held = box.faults().on(Method.GET, contentPath()).hold();

    InvocationOutcome outcome =
        invoke(
            () -> {
              assertThat(held.awaitHits(1, HANG_GUARD)).isTrue();
              box.expireToken(grant.writeToken());
              manualFaults++;
              held.release();
            });

    assertThat(outcome.result()).isEqualTo(Result.NOT_REPORTED);
    assertThat(statuses()).containsExactly("processing");
    assertThat(box.requestsTo(Method.PUT, INVOCATIONS)).hasSize(2);
    assertThat(warnings())
        .anyMatch(
            line ->
                line.startsWith("Stopped invocation " + outcome.invocationId())
                    && line.contains("the write token expired or was rejected (HTTP 401)"));
  }

  @Test
  void conflictOnCardWrite() throws Exception {
    // The first PUT, the processing card, passes; the second, the result cards, gets 409.
    box.faults().on(Method.PUT, INVOCATIONS).delay(Duration.ZERO).times(1);
    box.faults().on(Method.PUT, INVOCATIONS).respond(409).withCode("conflict").times(1);

    InvocationOutcome outcome = invoke();

    assertThat(outcome.result()).isEqualTo(Result.PERMANENT_FAILURE);
    assertErrorCardStoredOnce("skills_file_processing_error", "permanent_failure");
    assertThat(logs.messages(Level.ERROR, PIPELINE_LOGGER))
        .anyMatch(
            line ->
                line.startsWith(
                        "Box did not accept the cards of invocation " + outcome.invocationId())
                    && line.contains("HTTP 409"));
  }

  private InvocationOutcome invoke() throws Exception {
    return invoke(() -> {});
  }

  /** Delivers an event for the file, runs a step meanwhile, and waits for the outcome. */
  private InvocationOutcome invoke(ThrowingStep meanwhile) throws Exception {
    InvocationEvent event = InvocationEvent.builder(grant).build();
    InvocationOutcome[] outcome = new InvocationOutcome[1];
    assertTimeoutPreemptively(
        HANG_GUARD,
        () -> {
          DeliveryResult delivery = sender.send(server.uri(), event);
          assertThat(delivery.isAcknowledged()).isTrue();
          meanwhile.run();
          outcome[0] = tracker.await(event.invocationId(), HANG_GUARD);
        });
    return outcome[0];
  }

  /** A step that may throw, run while an invocation is in progress. */
  @FunctionalInterface
  private interface ThrowingStep {
    void run() throws Exception;
  }

  private String contentPath() {
    return "/2.0/files/" + file.id() + "/content";
  }

  private List<String> warnings() {
    return logs.messages(Level.WARN, PIPELINE_LOGGER);
  }

  private List<String> statuses() {
    return box.invocationHistory(file.id()).stream().map(InvocationUpdate::status).toList();
  }

  private void assertTranscriptStoredOnce() {
    assertThat(statuses()).containsExactly("processing", "success");
    List<JsonNode> cards = box.storedCards(file.id());
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).path("skill_card_type").asText()).isEqualTo("transcript");
    assertThat(cards.get(0).path("invocation").path("id").asText())
        .isEqualTo(tracker.finished().get(0).invocationId());
  }

  private void assertErrorCardStoredOnce(String code, String status) {
    assertThat(statuses()).containsExactly("processing", status);
    List<JsonNode> cards = box.storedCards(file.id());
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).at("/status/code").asText()).isEqualTo(code);
  }
}
