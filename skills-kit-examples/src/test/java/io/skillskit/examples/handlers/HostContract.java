package io.skillskit.examples.handlers;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.LogCapture;
import io.skillskit.examples.pipeline.SkillHarness;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * End-to-end behaviour every host owes, through LocalBox. Each host's test class extends this one
 * and defines how to start the host and how to deliver a request to it.
 */
public abstract class HostContract {

  /** The host's response to one delivery. */
  public record Delivered(int status, String body) {}

  private static final String WRONG_PRIMARY = "NotThePrimaryKey0123456789abcdefg";
  private static final String WRONG_SECONDARY = "NotTheSecondaryKey0123456789abcde";

  protected SkillHarness harness;
  protected LocalBox box;

  /** Starts the host in front of the harness's pipeline. */
  protected abstract void startHost(SkillHarness harness) throws Exception;

  /** Stops the host. */
  protected abstract void stopHost() throws Exception;

  /** Delivers a body with headers to the host and returns its response. */
  protected abstract Delivered post(byte[] body, Map<String, String> headers) throws Exception;

  /** Changes the pipeline of the harness before it is built. */
  protected void customize(SkillPipeline.Builder builder) {}

  @BeforeEach
  void startHarnessAndHost() throws Exception {
    harness = SkillHarness.start(this::customize);
    box = harness.box();
    startHost(harness);
  }

  @AfterEach
  void stopHostAndHarness() throws Exception {
    try {
      stopHost();
    } finally {
      harness.close();
    }
  }

  @Test
  void signedWavGetsTimelineCard() throws Exception {
    LocalFile file = harness.add(SampleFiles.tonesWav());
    InvocationEvent event = harness.eventFor(file);

    Delivered response = post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(response.status()).isEqualTo(200);
    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
    assertThat(statuses(file)).containsExactly("processing", "success");
    List<JsonNode> cards = box.storedCards(file.id());
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).get("skill_card_type").asText()).isEqualTo("timeline");
    assertThat(cards.get(0).at("/skill_card_title/message").asText())
        .isEqualTo("Sound and silence");
    assertThat(texts(cards.get(0))).containsExactly("Sound", "Silence");
    assertThat(cards.get(0).at("/entries/0/appears")).hasSize(3);
    assertThat(cards.get(0).at("/entries/1/appears")).hasSize(2);
    assertThat(box.invocationHistory(file.id()).get(1).usage().get("unit").asText())
        .isEqualTo("seconds");
  }

  @Test
  void badSignatureGets401AndReachesNothing() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationGrant grant = box.invocationFor(file.id());
    InvocationEvent event = SkillHarness.eventFor(grant);
    Delivered response;

    try (LogCapture logs = LogCapture.all(Level.TRACE)) {
      response =
          post(
              event.body(),
              SkillHarness.signedHeaders(event.body(), WRONG_PRIMARY, WRONG_SECONDARY));

      assertThat(logs.texts())
          .noneMatch(text -> text.contains(grant.readToken()))
          .noneMatch(text -> text.contains(grant.writeToken()))
          .noneMatch(text -> text.contains(event.bodyAsString()));
    }

    assertThat(response.status()).isEqualTo(401);
    assertThat(response.body()).contains("invalid_signature");
    assertThat(box.requests()).isEmpty();
    assertThat(box.storedCards(file.id())).isEmpty();
    assertThat(harness.tracker().finished()).isEmpty();
  }

  @Test
  void missingSignatureGets401() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationEvent event = harness.eventFor(file);

    Delivered response = post(event.body(), Map.of("Content-Type", "application/json"));

    assertThat(response.status()).isEqualTo(401);
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void malformedEventGets400WithoutCardWrite() throws Exception {
    List<byte[]> bodies =
        List.of(
            "{\"type\":\"webhook_event\",\"trigger\":\"FILE.UPLOADED\",\"source\":{\"type\":\"file\",\"id\":\"1\"}}"
                .getBytes(StandardCharsets.UTF_8),
            "not json".getBytes(StandardCharsets.UTF_8),
            "[]".getBytes(StandardCharsets.UTF_8),
            new byte[0]);

    for (byte[] body : bodies) {
      Delivered response = post(body, SkillHarness.signedHeaders(body));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body()).contains("skills_invalid_event_error");
    }
    assertThat(box.requests()).isEmpty();
    assertThat(harness.tracker().finished()).isEmpty();
  }

  @Test
  void redeliveryIsProcessedOnce() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsSrt());
    InvocationEvent event = harness.eventFor(file);

    Delivered first = post(event.body(), SkillHarness.signedHeaders(event.body()));
    Delivered second = post(event.body(), SkillHarness.signedHeaders(event.body()));
    harness.await(event.invocationId());
    harness.pipeline().close();

    assertThat(first.status()).isEqualTo(200);
    assertThat(second.status()).isEqualTo(200);
    assertThat(second.body()).contains("duplicate");
    assertThat(box.requestsTo(Method.GET, "/2.0/files/" + file.id() + "/content")).hasSize(1);
    assertThat(statuses(file)).containsExactly("processing", "success");
    assertThat(harness.tracker().finished()).hasSize(1);
  }

  @Test
  void expiredReadTokenWritesTransientErrorCard() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationGrant grant = box.invocationFor(file.id());
    box.expireToken(grant.readToken());
    InvocationEvent event = SkillHarness.eventFor(grant);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.TRANSIENT_FAILURE);
    assertThat(statuses(file)).containsExactly("processing", "transient_failure");
    assertThat(statusCode(box.storedCards(file.id()))).isEqualTo("skills_invocations_error");
  }

  @Test
  void expiredWriteTokenWritesNothing() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationGrant grant = box.invocationFor(file.id());
    box.expireToken(grant.writeToken());
    InvocationEvent event = SkillHarness.eventFor(grant);
    InvocationOutcome outcome;

    try (LogCapture logs = LogCapture.of("io.skillskit.examples", Level.WARN)) {
      post(event.body(), SkillHarness.signedHeaders(event.body()));
      outcome = harness.await(event.invocationId());
      harness.pipeline().close();

      assertThat(logs.texts()).hasSize(1);
      assertThat(logs.texts().get(0)).contains(event.invocationId()).contains("write token");
    }
    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.NOT_REPORTED);
    assertThat(box.invocationHistory(file.id())).isEmpty();
    assertThat(box.requestsTo(Method.PUT, "/2.0/skill_invocations/")).hasSize(1);
    assertThat(box.requestsTo(Method.GET, "/2.0/files/")).isEmpty();
  }

  @Test
  void rateLimitedDownloadStoresCardsOnce() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    box.faults()
        .on(Method.GET, "/2.0/files/" + file.id() + "/content")
        .respond(429)
        .withRetryAfter("1");
    InvocationEvent event = harness.eventFor(file);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
    assertThat(harness.boxWaits()).contains(Duration.ofSeconds(1));
    assertThat(statuses(file)).containsExactly("processing", "success");
    assertThat(box.storedCards(file.id())).hasSize(1);
  }

  @Test
  void serverErrorsOnDownloadStoreCardsOnce() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    // Two 500s use up the kit's two attempts, so the pipeline retries the processing step.
    box.faults().on(Method.GET, "/2.0/files/" + file.id() + "/content").respond(500).times(2);
    InvocationEvent event = harness.eventFor(file);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(harness.pipelineWaits()).containsExactly(SkillPipeline.DEFAULT_RETRY_DELAY);
    assertThat(statuses(file)).containsExactly("processing", "success");
    assertThat(box.storedCards(file.id())).hasSize(1);
  }

  @Test
  void cutOffDownloadIsRetried() throws Exception {
    LocalFile file = harness.add(SampleFiles.tonesWav());
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(1000);
    InvocationEvent event = harness.eventFor(file);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(statuses(file)).containsExactly("processing", "success");
    assertThat(box.storedCards(file.id())).hasSize(1);
  }

  @Test
  void downloadsCutOffEveryTimeGetTransientFailure() throws Exception {
    LocalFile file = harness.add(SampleFiles.tonesWav());
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(1000).always();
    InvocationEvent event = harness.eventFor(file);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.TRANSIENT_FAILURE);
    assertThat(outcome.attempts()).isEqualTo(SkillPipeline.DEFAULT_PROCESSING_ATTEMPTS);
    assertThat(statuses(file)).containsExactly("processing", "transient_failure");
    assertThat(statusCode(box.storedCards(file.id()))).isEqualTo("skills_invocations_error");
  }

  @Test
  void unsupportedFileGetsInvalidFormatCard() throws Exception {
    LocalFile file = harness.add(SampleFiles.unsupportedFile());
    InvocationEvent event = harness.eventFor(file);

    post(event.body(), SkillHarness.signedHeaders(event.body()));
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.PERMANENT_FAILURE);
    assertThat(statuses(file)).containsExactly("processing", "permanent_failure");
    assertThat(statusCode(box.storedCards(file.id())))
        .isEqualTo("skills_invalid_file_format_error");
  }

  /** Returns the invocation statuses LocalBox stored for a file, in order. */
  protected List<String> statuses(LocalFile file) {
    return box.invocationHistory(file.id()).stream().map(InvocationUpdate::status).toList();
  }

  /** Returns the entry texts of a card. */
  protected static List<String> texts(JsonNode card) {
    List<String> texts = new ArrayList<>();
    card.get("entries").forEach(entry -> texts.add(entry.get("text").asText()));
    return texts;
  }

  /** Returns the status code of the only card, which must be a status card. */
  protected static String statusCode(List<JsonNode> cards) {
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).get("skill_card_type").asText()).isEqualTo("status");
    return cards.get(0).at("/status/code").asText();
  }
}
