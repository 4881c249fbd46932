package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.skillskit.box.BoxCallException;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.ContentTruncatedException;
import io.skillskit.box.FailureType;
import io.skillskit.box.FilesReader;
import io.skillskit.box.SkillsWriter;
import io.skillskit.box.TokenExpiredException;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.localbox.Fault;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Injects each fault Box can show through LocalBox into the kit's own read and write calls. Each
 * flow must end with the right cards stored once, or with an error card and a clear exception.
 * Retries must wait as long as Box requests, and nothing may hang or leak.
 */
class FaultFlowTest {

  /** Only a guard against hangs: every flow here finishes in well under a second of waiting. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(60);

  private static final String INVOCATIONS = "/2.0/skill_invocations/";
  private static final ObjectMapper JSON = new ObjectMapper();

  private Resources resources;
  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;
  private SkillsRequest request;
  private FakeTime time;
  private BoxEndpoints endpoints;
  private LogLines logs;
  private int manualFaults;

  @BeforeEach
  void start() {
    resources = Resources.snapshot();
    logs = LogLines.capture();
    box = LocalBox.start();
    file = box.addFile("meeting-notes.txt", SampleFiles.meetingNotesText().content());
    grant = box.invocationFor(file.id());
    request = SkillsRequest.parse(InvocationEvent.builder(grant).build().body());
    time = new FakeTime(Instant.now());
    endpoints = endpoints(builder -> builder);
  }

  @AfterEach
  void stop() throws InterruptedException {
    int injected = manualFaults;
    for (Fault fault : box.faults().installed()) {
      injected += fault.hits();
    }
    Tally.add(Tally.FAULTS, injected);
    assertThat(Resources.connectionsInUse(endpoints)).as("connections in use").isZero();
    endpoints.close();
    assertThat(Resources.connections(endpoints)).as("pooled connections after close").isZero();
    box.close();
    logs.close();
    resources.assertReleased();
  }

  private BoxEndpoints endpoints(UnaryOperator<BoxEndpoints.Builder> settings) {
    if (endpoints != null) {
      endpoints.close();
    }
    BoxEndpoints.Builder builder =
        BoxEndpoints.builder(box.baseUri()).sleeper(time).clock(time).retryJitter(0);
    return settings.apply(builder).build();
  }

  private void guarded(Executable flow) {
    assertTimeoutPreemptively(HANG_GUARD, flow);
  }

  @Test
  void rateLimitWithRetryAfter() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(429).withRetryAfter("2").times(2);

    guarded(this::runFlow);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
    assertThat(logs.containing("will be retried in 2000 ms")).hasSize(2);
    assertSuccessStoredOnce();
  }

  @Test
  void rateLimitWithoutRetryAfter() {
    box.faults().on(Method.GET, contentPath()).respond(429).times(2);

    guarded(this::runFlow);

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
    assertSuccessStoredOnce();
  }

  @Test
  void rateLimitThatNeverEnds() {
    box.faults().on(Method.GET, contentPath()).respond(429).withRetryAfter("1").always();

    Throwable failure = guardedFailure(this::runFlow);

    assertThat(failure).isInstanceOf(BoxCallException.class);
    BoxCallException call = (BoxCallException) failure;
    assertThat(call.statusCode()).isEqualTo(429);
    assertThat(call.attempts()).isEqualTo(5);
    assertThat(call.failureType()).isEqualTo(FailureType.TRANSIENT);
    assertThat(call.boxRequestId()).isPresent();
    assertThat(call.getMessage())
        .startsWith("Box rate-limited GET /2.0/files/" + file.id() + "/content")
        .contains("after 5 attempts");
    assertThat(box.requestsTo(Method.GET, contentPath())).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
  }

  @Test
  void serverErrorBurst() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(500).times(1);
    box.faults().on(Method.PUT, INVOCATIONS).respond(502).times(1);
    box.faults().on(Method.PUT, INVOCATIONS).respond(503).times(1);

    guarded(this::runFlow);

    assertThat(time.sleeps()).hasSize(3);
    assertSuccessStoredOnce();
  }

  @Test
  void serverErrorOnCreateIsNotRepeated() {
    box.faults().on(Method.POST, "/2.0/files/").respond(503);
    KeywordCard card = keywordCard("budget");

    Throwable failure =
        guardedFailure(() -> SkillsWriter.of(request, endpoints).saveToMetadata(List.of(card)));

    assertThat(failure).isInstanceOf(BoxCallException.class);
    assertThat(failure.getMessage()).contains("The kit did not retry");
    assertThat(box.requestsTo(Method.POST, "/2.0/files/")).hasSize(1);
    assertThat(box.storedCards(file.id())).isEmpty();
  }

  @Test
  void downloadCutOffMidway() {
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(100);

    Throwable failure = guardedFailure(this::runFlow);

    assertThat(failure).isInstanceOf(UncheckedIOException.class);
    assertThat(failure.getCause()).isInstanceOf(ContentTruncatedException.class);
    ContentTruncatedException cut = (ContentTruncatedException) failure.getCause();
    assertThat(cut.receivedBytes()).isEqualTo(100);
    assertThat(cut.expectedBytes()).isEqualTo(file.size());
    assertThat(failure.getMessage()).contains("file " + file.id());
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
  }

  @Test
  void downloadCutOffWhileStreaming() throws IOException {
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(1);
    FilesReader reader = FilesReader.of(request, endpoints);

    Throwable failure;
    try (InputStream in = reader.openContent()) {
      failure = catchThrowable(in::readAllBytes);
    }

    assertThat(failure).isInstanceOf(ContentTruncatedException.class);
    assertThat(Resources.connectionsInUse(endpoints)).isZero();
  }

  @Test
  void downloadCutOffOnceThenRead() {
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(10);
    FilesReader reader = FilesReader.of(request, endpoints);

    Throwable first = guardedFailure(() -> reader.contentBytes(1 << 20));
    byte[][] second = new byte[1][];
    guarded(() -> second[0] = reader.contentBytes(1 << 20));

    assertThat(first).hasCauseInstanceOf(ContentTruncatedException.class);
    assertThat(second[0]).isEqualTo(SampleFiles.meetingNotesText().content());
  }

  @Test
  void slowResponseRetriedAfterReadTimeout() {
    endpoints = endpoints(builder -> builder.readTimeout(Duration.ofMillis(300)));
    box.faults().on(Method.GET, contentPath()).delay(Duration.ofSeconds(3)).times(1);

    guarded(this::runFlow);

    assertThat(box.requestsTo(Method.GET, contentPath())).hasSize(2);
    assertThat(logs.containing("SocketTimeoutException")).isNotEmpty();
    assertSuccessStoredOnce();
  }

  @Test
  void slowResponsesBeyondAttempts() {
    endpoints = endpoints(builder -> builder.readTimeout(Duration.ofMillis(200)).maxAttempts(2));
    box.faults().on(Method.GET, contentPath()).delay(Duration.ofSeconds(3)).always();

    Throwable failure = guardedFailure(this::runFlow);

    assertThat(failure).isInstanceOf(BoxCallException.class);
    BoxCallException call = (BoxCallException) failure;
    assertThat(call.statusCode()).isEqualTo(BoxCallException.NO_STATUS);
    assertThat(call.attempts()).isEqualTo(2);
    assertThat(call.getMessage())
        .isEqualTo(
            "GET /2.0/files/"
                + file.id()
                + "/content failed after 2 attempts without a response from Box"
                + " (SocketTimeoutException). Check the connection to 127.0.0.1 and try again"
                + " later.");
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
  }

  @Test
  void slowCardWriteAppliedLate() throws InterruptedException {
    endpoints = endpoints(builder -> builder.callTimeout(Duration.ofMillis(300)));
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    guarded(writer::saveProcessingCard);
    Fault slow = box.faults().on(Method.PUT, INVOCATIONS).delay(Duration.ofSeconds(1)).times(1);

    guarded(() -> writer.saveDataCards(List.of(keywordCard("budget"))));
    awaitHistory(3);

    // The timed-out write reaches LocalBox after the retry, with the same cards.
    assertThat(slow.hits()).isEqualTo(1);
    List<InvocationUpdate> history = box.invocationHistory(file.id());
    assertThat(history)
        .extracting(InvocationUpdate::status)
        .containsExactly("processing", "success", "success");
    assertThat(history.get(2).cards()).isEqualTo(history.get(1).cards());
    assertThat(texts(box.storedCards(file.id()))).containsExactly("budget");
  }

  @Test
  void readTokenExpiresMidRun() {
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    guarded(writer::saveProcessingCard);
    box.expireToken(grant.readToken());
    manualFaults++;

    Throwable failure =
        guardedFailure(() -> FilesReader.of(request, endpoints).contentBytes(1 << 20));
    guarded(() -> writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT));

    assertThat(failure).isInstanceOf(TokenExpiredException.class);
    TokenExpiredException expired = (TokenExpiredException) failure;
    assertThat(expired.tokenName()).isEqualTo("read");
    assertThat(expired.statusCode()).hasValue(401);
    assertThat(expired.getMessage()).contains("invocation " + request.id());
    assertThat(box.requestsTo(Method.GET, contentPath())).hasSize(1);
    assertErrorCardStoredOnce("skills_invocations_error", "transient_failure");
  }

  @Test
  void writeTokenExpiresMidRun() {
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    guarded(writer::saveProcessingCard);
    box.expireToken(grant.writeToken());
    manualFaults++;

    Throwable failure = guardedFailure(() -> writer.saveDataCards(List.of(keywordCard("budget"))));
    int putsAfterRejection = box.requestsTo(Method.PUT, INVOCATIONS).size();
    Throwable errorCard = guardedFailure(() -> writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR));

    assertThat(failure).isInstanceOf(TokenExpiredException.class);
    assertThat(((TokenExpiredException) failure).tokenName()).isEqualTo("write");
    assertThat(putsAfterRejection).isEqualTo(2);
    assertThat(errorCard).isInstanceOf(TokenExpiredException.class);
    assertThat(box.requestsTo(Method.PUT, INVOCATIONS)).hasSize(2);
    assertThat(box.invocationHistory(file.id()))
        .extracting(InvocationUpdate::status)
        .containsExactly("processing");
    assertThat(logs.containing("returned HTTP 401 on attempt 1")).hasSize(1);
  }

  @Test
  void tokensExpireWhileCallIsInFlight() {
    box.faults().on(Method.GET, "/2.0/files/" + file.id() + "/content").expireTokens();

    Throwable failure = guardedFailure(this::runFlow);

    assertThat(failure).isInstanceOf(TokenExpiredException.class);
    assertThat(box.requestsTo(Method.GET, contentPath())).hasSize(1);
    // The write token died too, so the error card fails on its one call and is not retried.
    assertThat(box.requestsTo(Method.PUT, INVOCATIONS)).hasSize(2);
    assertThat(box.invocationHistory(file.id()))
        .extracting(InvocationUpdate::status)
        .containsExactly("processing");
  }

  @Test
  void conflictOnCreateReplacesPlaceholder() {
    box.seedCards(file.id(), List.of(placeholderCard()));

    guarded(
        () -> SkillsWriter.of(request, endpoints).saveToMetadata(List.of(keywordCard("budget"))));

    assertThat(box.requestsTo(Method.POST, "/2.0/files/")).hasSize(1);
    assertThat(box.requestsTo(Method.PUT, "/2.0/files/")).hasSize(1);
    assertThat(texts(box.storedCards(file.id()))).containsExactly("budget");
  }

  @Test
  void repeatedConflictDoesNotLoop() {
    box.seedCards(file.id(), List.of(placeholderCard()));
    box.faults().on(Method.PUT, "/2.0/files/").respond(409).withCode("tuple_already_exists");

    Throwable failure =
        guardedFailure(
            () ->
                SkillsWriter.of(request, endpoints).saveToMetadata(List.of(keywordCard("budget"))));

    assertThat(failure).isInstanceOf(BoxCallException.class);
    assertThat(((BoxCallException) failure).statusCode()).isEqualTo(409);
    assertThat(failure.getMessage()).contains("code tuple_already_exists");
    assertThat(box.requestsTo(Method.POST, "/2.0/files/")).hasSize(1);
    assertThat(box.requestsTo(Method.PUT, "/2.0/files/")).hasSize(1);
  }

  /**
   * Runs what a skill does: the processing card, the download and the result card. On a failure it
   * writes an error card for a transient failure and then passes the failure on.
   */
  private void runFlow() {
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    FilesReader reader = FilesReader.of(request, endpoints);
    writer.saveProcessingCard();
    try {
      byte[] content = reader.contentBytes(1 << 20);
      assertThat(content).isEqualTo(SampleFiles.meetingNotesText().content());
      writer.saveDataCards(List.of(keywordCard("budget")));
    } catch (BoxCallException | UncheckedIOException | TokenExpiredException e) {
      writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT);
      throw e;
    }
  }

  private Throwable guardedFailure(Executable flow) {
    Throwable[] failure = new Throwable[1];
    assertTimeoutPreemptively(HANG_GUARD, () -> failure[0] = catchThrowable(flow::execute));
    assertThat(failure[0]).as("failure").isNotNull();
    return failure[0];
  }

  private KeywordCard keywordCard(String text) {
    return KeywordCard.builder(request).title("Topics").addEntry(text).build();
  }

  private String contentPath() {
    return "/2.0/files/" + file.id() + "/content";
  }

  private void assertSuccessStoredOnce() {
    List<InvocationUpdate> history = box.invocationHistory(file.id());
    assertThat(history)
        .extracting(InvocationUpdate::status)
        .containsExactly("processing", "success");
    assertThat(texts(box.storedCards(file.id()))).containsExactly("budget");
  }

  private void assertErrorCardStoredOnce(String code, String status) {
    List<InvocationUpdate> history = box.invocationHistory(file.id());
    assertThat(history).extracting(InvocationUpdate::status).containsExactly("processing", status);
    List<JsonNode> cards = box.storedCards(file.id());
    assertThat(cards).hasSize(1);
    assertThat(cards.get(0).at("/status/code").asText()).isEqualTo(code);
  }

  private void awaitHistory(int writes) throws InterruptedException {
    long deadline = System.currentTimeMillis() + HANG_GUARD.toMillis();
    while (box.invocationHistory(file.id()).size() < writes
        && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
  }

  private static List<String> texts(List<JsonNode> cards) {
    return cards.stream()
        .flatMap(card -> StreamSupport.stream(card.path("entries").spliterator(), false))
        .map(entry -> entry.path("text").asText())
        .toList();
  }

  private static JsonNode placeholderCard() {
    try {
      return JSON.readTree(
          "{\"type\":\"skill_card\",\"skill_card_type\":\"status\",\"skill_card_title\":"
              + "{\"code\":\"skills_status\",\"message\":\"Status\"},\"status\":"
              + "{\"code\":\"skills_pending_status\",\"message\":\"Working\"},"
              + "\"skill\":{\"type\":\"service\",\"id\":\"20001\"},"
              + "\"invocation\":{\"type\":\"skill_invocation\",\"id\":\"placeholder\"}}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
