package io.skillskit.box;

import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Retries of Box calls, through the writer's PUT and POST and the reader's GET. */
class RetryTest {

  private static final String PUT_PATH = "/2.0/skill_invocations/10027";
  private static final String METADATA_PATH =
      "/2.0/files/1402003004005/metadata/global/boxSkillsCards";

  private final FakeBox box = new FakeBox();
  private final FakeTime time = new FakeTime(Fixtures.CARD_TIME);
  private final BoxEndpoints endpoints =
      BoxEndpoints.builder(box.uri()).sleeper(time).clock(time).retryJitter(0).build();
  private final SkillsRequest request = Fixtures.audioEvent();
  private final SkillsWriter writer = SkillsWriter.of(request, endpoints);

  @AfterEach
  void stop() {
    endpoints.close();
    box.close();
  }

  @Test
  void waitsRetryAfterSecondsThenSucceeds() {
    box.on("PUT", PUT_PATH, rateLimited("2"), empty(200));

    writer.saveProcessingCard();

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2000));
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void waitsUntilRetryAfterDate() {
    box.on("PUT", PUT_PATH, rateLimited("Sat, 14 Mar 2026 16:27:08 GMT"), empty(200));

    writer.saveProcessingCard();

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(2583));
  }

  @Test
  void waitsFractionalRetryAfter() {
    box.on("PUT", PUT_PATH, rateLimited("0.5"), empty(200));

    writer.saveProcessingCard();

    assertThat(time.sleeps()).containsExactly(Duration.ofMillis(500));
  }

  @Test
  void backsOffWhenRetryAfterIsUnreadable() {
    box.on("PUT", PUT_PATH, rateLimited("later"), rateLimited("later"), empty(200));

    writer.saveProcessingCard();

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void retriesServerErrorOfPut() {
    box.on(
        "PUT",
        PUT_PATH,
        json(500, Fixtures.text("errors/500-internal-server-error.json")),
        empty(200));

    writer.saveDataCards(List.of(Fixtures.keywordCard(request)));

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void stopsAfterMaxAttemptsOfRateLimit() {
    box.on("PUT", PUT_PATH, rateLimited("2"));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(429);
              assertThat(e.attempts()).isEqualTo(5);
              assertThat(e.boxErrorCode()).contains("rate_limit_exceeded");
              assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT);
            })
        .hasMessage(
            "Box rate-limited PUT "
                + PUT_PATH
                + " (HTTP 429, code rate_limit_exceeded, Box request id fakereq0429d6e7f8) after"
                + " 5 attempts. Lower the call rate or try again later.");
    assertThat(box.requests()).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
    assertThat(time.totalSleep()).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  void failsAtOnceWhenRetryAfterPassesDeadline() {
    box.on("PUT", PUT_PATH, rateLimited("120"));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOf(BoxCallException.class)
        .hasMessageEndingWith(
            " Box requested a wait of 120 s before the next attempt, which would end after the"
                + " retry time of 60 s, so the kit stopped without waiting.");
    assertThat(box.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void stopsWhenTotalRetryTimeIsUsed() {
    box.on("PUT", PUT_PATH, rateLimited("25"));

    assertThatThrownBy(writer::saveProcessingCard).isInstanceOf(BoxCallException.class);

    assertThat(box.requests()).hasSize(3);
    assertThat(time.totalSleep()).isEqualTo(Duration.ofSeconds(50));
  }

  @Test
  void failureAfterServerErrorKeepsAttemptLimit() {
    box.on("PUT", PUT_PATH, json(500, "{}"), drop());

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(BoxCallException.NO_STATUS);
              assertThat(e.attempts()).isEqualTo(5);
              assertThat(e.getCause()).isInstanceOf(IOException.class);
            });
    assertThat(box.requests()).hasSize(5);
  }

  @Test
  void serverErrorOfPostIsNotRetried() {
    box.on(
        "POST", METADATA_PATH, json(500, Fixtures.text("errors/500-internal-server-error.json")));

    assertThatThrownBy(() -> writer.saveToMetadata(List.of(Fixtures.keywordCard(request))))
        .isInstanceOfSatisfying(
            BoxCallException.class, e -> assertThat(e.statusCode()).isEqualTo(500))
        .hasMessage(
            "Box failed POST "
                + METADATA_PATH
                + " (HTTP 500, code internal_server_error, Box request id fakereq0500a9b0c1). The"
                + " kit did not retry, because Box may have applied the request; check the result"
                + " before trying again.");
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void networkFailureOfPostIsNotRetried() {
    box.on("POST", METADATA_PATH, drop());

    assertThatThrownBy(() -> writer.saveToMetadata(List.of(Fixtures.keywordCard(request))))
        .isInstanceOf(BoxCallException.class)
        .hasMessageContaining("The kit did not retry, because Box may have received the request.");
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void rateLimitOfPostIsRetried() {
    box.on("POST", METADATA_PATH, rateLimited("1"), json(201, "{}"));

    writer.saveToMetadata(List.of(Fixtures.keywordCard(request)));

    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void getRetriesNetworkFailure() {
    box.on(
        "GET",
        "/2.0/files/1402003004005/content",
        drop(),
        FakeBox.bytes(200, "after drop".getBytes()));

    assertThat(FilesReader.of(request, endpoints).contentBytes(10L << 20))
        .isEqualTo("after drop".getBytes());
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void unreachableBoxFailsAfterRetries() throws IOException {
    int closedPort;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    try (BoxEndpoints unreachable =
        BoxEndpoints.builder(java.net.URI.create("http://127.0.0.1:" + closedPort))
            .sleeper(time)
            .clock(time)
            .retryJitter(0)
            .build()) {

      assertThatThrownBy(() -> SkillsWriter.of(request, unreachable).saveProcessingCard())
          .isInstanceOfSatisfying(
              BoxCallException.class,
              e -> {
                assertThat(e.attempts()).isEqualTo(5);
                assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT);
              })
          .hasMessage(
              "PUT "
                  + PUT_PATH
                  + " failed after 5 attempts without a response from Box (ConnectException)."
                  + " Check the connection to 127.0.0.1 and try again later.");
      assertThat(time.sleeps())
          .containsExactly(
              Duration.ofSeconds(1),
              Duration.ofSeconds(2),
              Duration.ofSeconds(4),
              Duration.ofSeconds(8));
    }
  }

  @Test
  void interruptedWaitStopsRetrying() {
    box.on("PUT", PUT_PATH, rateLimited("2"));
    try (BoxEndpoints interrupting =
        BoxEndpoints.builder(box.uri())
            .clock(time)
            .sleeper(
                duration -> {
                  throw new InterruptedException("test");
                })
            .build()) {

      assertThatThrownBy(() -> SkillsWriter.of(request, interrupting).saveProcessingCard())
          .isInstanceOf(BoxCallException.class)
          .hasMessage("The thread was interrupted while waiting to retry PUT " + PUT_PATH + ".");
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  private static FakeBox.Responder rateLimited(String retryAfter) {
    return json(
        429, Fixtures.text("errors/429-rate-limit-exceeded.json"), "Retry-After", retryAfter);
  }

  /** Closes the connection without a response. */
  static FakeBox.Responder drop() {
    return (exchange, request) -> {
      throw new IOException("connection dropped by the test server");
    };
  }
}
