package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBoxFaultsTest {

  private static final String INVOCATIONS = "/2.0/skill_invocations/";

  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;

  @BeforeEach
  void startBox() {
    box = LocalBox.start();
    file = box.addFile("memo.mp3", "ID3".getBytes(StandardCharsets.UTF_8));
    grant = box.invocationFor(file.id());
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void rateLimitThenNormalResponse() {
    Fault limit =
        box.faults().on(Method.PUT, INVOCATIONS).respond(429).withRetryAfter("2").times(1);

    HttpResponse<String> first = putProcessing();
    HttpResponse<String> second = putProcessing();

    assertThat(first.statusCode()).isEqualTo(429);
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    JsonNode error = Fixtures.parse(first.body());
    assertThat(error.get("code").asText()).isEqualTo("rate_limit_exceeded");
    assertThat(error.get("status").asInt()).isEqualTo(429);
    assertThat(error.get("request_id").asText())
        .isEqualTo(first.headers().firstValue("box-request-id").orElseThrow());
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(limit.hits()).isEqualTo(1);
    assertThat(box.invocationHistory(file.id())).hasSize(1);
  }

  @Test
  void retryAfterInFractionsAndAsHttpDate() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(429).withRetryAfter(Duration.ofMillis(1500));
    box.faults()
        .on(Method.PUT, INVOCATIONS)
        .respond(503)
        .withRetryAfterDate(Instant.parse("2026-03-14T16:41:10Z"));

    HttpResponse<String> fraction = putProcessing();
    HttpResponse<String> date = putProcessing();

    assertThat(fraction.headers().firstValue("Retry-After")).contains("1.5");
    assertThat(date.statusCode()).isEqualTo(503);
    assertThat(date.headers().firstValue("Retry-After")).contains("Sat, 14 Mar 2026 16:41:10 GMT");
    assertThat(Fixtures.parse(date.body()).get("code").asText()).isEqualTo("unavailable");
  }

  @Test
  void rateLimitWithoutRetryAfter() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(429);

    HttpResponse<String> response = putProcessing();

    assertThat(response.statusCode()).isEqualTo(429);
    assertThat(response.headers().firstValue("Retry-After")).isEmpty();
  }

  @Test
  void serverErrorBurstThenRecovery() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(502).times(2);
    box.faults().on(Method.PUT, INVOCATIONS).respond(500).withCode("internal_server_error");

    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      statuses.add(putProcessing().statusCode());
    }

    assertThat(statuses).containsExactly(502, 502, 500, 200);
  }

  @Test
  void scripted401LooksLikeAnExpiredToken() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(401);

    HttpResponse<String> response = putProcessing();

    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("WWW-Authenticate").orElseThrow())
        .contains("error=\"invalid_token\"");
  }

  @Test
  void alwaysAppliesUntilCleared() {
    box.faults().on(Method.PUT, INVOCATIONS).respond(503).always();

    int first = putProcessing().statusCode();
    int second = putProcessing().statusCode();
    box.faults().clear();
    int third = putProcessing().statusCode();

    assertThat(List.of(first, second, third)).containsExactly(503, 503, 200);
  }

  @Test
  void faultMatchesOnlyItsMethodAndPrefix() {
    Fault fault = box.faults().on(Method.PUT, INVOCATIONS).respond(503);

    HttpResponse<String> read = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(fault.hits()).isZero();
  }

  @Test
  void anyMethodFaultMatchesReadsToo() {
    box.faults().onAnyMethod("/2.0/").respond(500).times(1);

    HttpResponse<String> read = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(read.statusCode()).isEqualTo(500);
  }

  @Test
  void delayTripsAClientTimeout() {
    box.faults().on(Method.GET, "/2.0/files/").delay(Duration.ofSeconds(20));
    HttpRequest request =
        TestHttp.request(box, "/2.0/files/" + file.id(), grant.readToken())
            .timeout(Duration.ofMillis(100))
            .GET()
            .build();

    assertThatThrownBy(() -> TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void heldWriteLandsAfterALaterOne() throws Exception {
    Fault held = box.faults().on(Method.PUT, INVOCATIONS).hold();
    CompletableFuture<HttpResponse<String>> processing =
        TestHttp.CLIENT.sendAsync(
            TestHttp.request(box, INVOCATIONS + box.skill().id(), grant.writeToken())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(processingBody().toString()))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(held.awaitHits(1, Duration.ofSeconds(10))).isTrue();
    HttpResponse<String> success = putSuccess();
    held.release();
    HttpResponse<String> processingResponse = processing.get(10, TimeUnit.SECONDS);

    assertThat(success.statusCode()).isEqualTo(200);
    assertThat(processingResponse.statusCode()).isEqualTo(200);
    assertThat(box.invocationHistory(file.id()))
        .extracting(InvocationUpdate::status)
        .containsExactly("success", "processing");
    assertThat(box.storedCards(file.id()))
        .singleElement()
        .satisfies(card -> assertThat(card.get("skill_card_type").asText()).isEqualTo("status"));
  }

  @Test
  void expireTokensFaultMakesTheRequestFail() {
    Fault expire = box.faults().on(Method.GET, "/2.0/files/").expireTokens();

    HttpResponse<String> first = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());
    HttpResponse<String> second = TestHttp.get(box, "/2.0/files/" + file.id(), grant.readToken());

    assertThat(first.statusCode()).isEqualTo(401);
    assertThat(second.statusCode()).isEqualTo(401);
    assertThat(expire.hits()).isEqualTo(1);
  }

  @Test
  void faultsListTheirState() {
    Fault fault = box.faults().on(Method.PUT, INVOCATIONS).respond(429).times(2);

    putProcessing();

    assertThat(box.faults().installed()).containsExactly(fault);
    assertThat(fault.toString())
        .isEqualTo("PUT /2.0/skill_invocations/ -> 429 (hits 1, remaining 1)");
  }

  @Test
  void invalidFaultSettingsAreRejected() {
    FaultTarget target = box.faults().on(Method.PUT, INVOCATIONS);

    assertThatThrownBy(() -> target.respond(700))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status is 700; expected 200 to 599");
    assertThatThrownBy(() -> target.delay(Duration.ZERO).withRetryAfter("1"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("this fault is 'DELAY'; only respond(status) faults can carry a header");
    assertThatThrownBy(() -> box.faults().on(Method.GET, "2.0/files"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("path prefix '2.0/files' is invalid; expected a path starting with /");
    assertThatThrownBy(() -> target.respond(429).times(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("count is 0; expected 1 or more");
  }

  private ObjectNode processingBody() {
    return LocalBoxTokensTest.processingBody(file);
  }

  private HttpResponse<String> putProcessing() {
    return TestHttp.putInvocation(box, grant.writeToken(), processingBody().toString());
  }

  private HttpResponse<String> putSuccess() {
    ObjectNode body = Fixtures.object("requests/skill-invocations-put-success.json");
    ((ObjectNode) body.get("file")).put("id", file.id());
    body.remove("file_version");
    return TestHttp.putInvocation(box, grant.writeToken(), body.toString());
  }
}
