package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LocalBoxRecordingTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-14T16:26:51Z"));
  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;

  @BeforeEach
  void startBox() {
    box = LocalBox.builder().clock(clock).maxRequestBodyBytes(64 * 1024).start();
    file = box.addFile("memo.mp3", "ID3".getBytes(StandardCharsets.UTF_8));
    grant = box.invocationFor(file.id());
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void recordsMethodPathQueryHeadersAndBody() {
    String body = LocalBoxTokensTest.processingBody(file).toString();
    TestHttp.get(box, "/2.0/files/" + file.id() + "?fields=name,size", grant.readToken());
    TestHttp.putInvocation(box, grant.writeToken(), body);

    List<RecordedRequest> requests = box.requests();

    assertThat(requests).hasSize(2);
    RecordedRequest get = requests.get(0);
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.path()).isEqualTo("/2.0/files/" + file.id());
    assertThat(get.query()).isEqualTo("fields=name,size");
    assertThat(get.queryParameter("fields")).contains("name,size");
    assertThat(get.header("authorization")).contains("Bearer " + grant.readToken());
    assertThat(get.receivedAt()).isEqualTo(Instant.parse("2026-03-14T16:26:51Z"));
    RecordedRequest put = requests.get(1);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.header("Content-Type")).contains("application/json");
    assertThat(put.bodyAsString()).isEqualTo(body);
  }

  @Test
  void toStringMasksTokensAndDownloadSecrets() {
    HttpResponse<String> redirect =
        TestHttp.get(box, "/2.0/files/" + file.id() + "/content", grant.readToken());
    String location = redirect.headers().firstValue("Location").orElseThrow();
    TestHttp.getBytes(URI.create(location), grant.readToken());
    TestHttp.get(
        box,
        "/2.0/files/"
            + file.id()
            + "?access_token="
            + URLEncoder.encode(grant.readToken(), StandardCharsets.UTF_8),
        null);
    String secret = location.split("/")[5];

    List<RecordedRequest> requests = box.requests();

    assertThat(requests).hasSize(3);
    for (RecordedRequest request : requests) {
      assertThat(request.toString())
          .doesNotContain(grant.readToken())
          .doesNotContain(URLEncoder.encode(grant.readToken(), StandardCharsets.UTF_8))
          .doesNotContain(secret);
    }
    assertThat(requests.get(0).toString()).contains("Authorization=[Bearer ***]");
    assertThat(requests.get(1).toString()).startsWith("GET /d/1/***/download ");
    assertThat(requests.get(1).path()).contains(secret);
    assertThat(requests.get(2).toString()).contains("?access_token=***");
  }

  @Test
  void requestsToFiltersByMethodAndPrefix() {
    TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    TestHttp.putInvocation(
        box, grant.writeToken(), LocalBoxTokensTest.processingBody(file).toString());

    List<RecordedRequest> puts = box.requestsTo(Method.PUT, "/2.0/skill_invocations/");
    List<RecordedRequest> gets = box.requestsTo(Method.GET, "/2.0/skill_invocations/");

    assertThat(puts).hasSize(1);
    assertThat(gets).isEmpty();
  }

  @Test
  void clearRequestsForgetsThem() {
    TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    box.clearRequests();

    assertThat(box.requests()).isEmpty();
  }

  @Test
  void everyResponseCarriesItsRequestId() {
    HttpResponse<String> found = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    HttpResponse<String> redirect =
        TestHttp.get(box, "/2.0/files/" + file.id() + "/content", grant.readToken());
    HttpResponse<String> unknownPath = TestHttp.get(box, "/2.0/folders/0", grant.readToken());
    HttpResponse<String> unauthorized = TestHttp.get(box, "/2.0/files/" + file.id(), null);

    List<RecordedRequest> requests = box.requests();

    List<HttpResponse<String>> responses = List.of(found, redirect, unknownPath, unauthorized);
    for (int i = 0; i < responses.size(); i++) {
      assertThat(responses.get(i).headers().firstValue("box-request-id"))
          .contains(requests.get(i).boxRequestId());
    }
    assertThat(Fixtures.parse(unknownPath.body()).get("request_id").asText())
        .isEqualTo(requests.get(2).boxRequestId());
  }

  @Test
  void wrongMethodGets405WithAllowHeader() {
    HttpResponse<String> response =
        TestHttp.send(box, "DELETE", "/2.0/files/" + file.id(), grant.readToken(), null, "");

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("GET");
    assertThat(Fixtures.parse(response.body()).get("code").asText())
        .isEqualTo("method_not_allowed");
  }

  @Test
  void oversizedBodyGets413() {
    String body = "x".repeat(64 * 1024 + 1);

    HttpResponse<String> response = TestHttp.putInvocation(box, grant.writeToken(), body);

    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(box.requests().get(0).body()).isEmpty();
  }

  @Test
  void debugLogsNeverShowTokensOrDownloadSecrets() {
    Logger logger = (Logger) LoggerFactory.getLogger(LocalBox.class);
    Level previous = logger.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    logger.setLevel(Level.DEBUG);
    String location;
    try {
      InvocationGrant fresh = box.invocationFor(file.id());
      location =
          TestHttp.get(box, "/2.0/files/" + file.id() + "/content", fresh.readToken())
              .headers()
              .firstValue("Location")
              .orElseThrow();
      TestHttp.getBytes(URI.create(location), null);
      TestHttp.putInvocation(
          box, fresh.writeToken(), LocalBoxTokensTest.processingBody(file).toString());
      box.faults().on(Method.GET, "/2.0/files/").respond(503);
      TestHttp.get(box, "/2.0/files/" + file.id(), fresh.readToken());

      List<String> messages =
          appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
      assertThat(messages).isNotEmpty();
      String secret = location.split("/")[5];
      for (String message : messages) {
        assertThat(message)
            .doesNotContain(fresh.readToken())
            .doesNotContain(fresh.writeToken())
            .doesNotContain(secret);
      }
      assertThat(messages).anyMatch(message -> message.contains("/d/1/***/download"));
    } finally {
      logger.detachAppender(appender);
      logger.setLevel(previous);
    }
  }
}
