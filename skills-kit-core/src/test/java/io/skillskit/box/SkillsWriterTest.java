package io.skillskit.box;

import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.skillskit.box.FakeBox.Recorded;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.InvalidSkillsRequestException;
import io.skillskit.request.SkillsRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SkillsWriterTest {

  private static final String PUT_PATH = "/2.0/skill_invocations/10027";

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
  void processingCardMatchesFixture() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveProcessingCard();

    Recorded put = onlyRequest();
    assertThat(put.target()).isEqualTo("PUT " + PUT_PATH);
    assertThat(put.header("Authorization")).isEqualTo("Bearer " + Fixtures.AUDIO_WRITE_TOKEN);
    assertThat(put.header("Content-Type")).isEqualTo("application/json");
    assertThat(put.header("Cache-Control")).isEqualTo("no-cache");
    assertThat(Fixtures.tree(put.bodyText()))
        .isEqualTo(
            withFileVersion(Fixtures.json("requests/skill-invocations-put-processing.json")));
    assertThat(fieldNames(Fixtures.tree(put.bodyText())))
        .containsExactly("status", "file", "file_version", "metadata", "usage");
  }

  @Test
  void errorCardMatchesFixture() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveErrorCard(SkillsError.FILE_PROCESSING_ERROR);

    assertThat(Fixtures.tree(onlyRequest().bodyText()))
        .isEqualTo(
            withFileVersion(
                Fixtures.json("requests/skill-invocations-put-permanent-failure.json")));
  }

  @Test
  void dataCardsMatchFixture() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveDataCards(
        List.of(
            Fixtures.keywordCard(request),
            Fixtures.transcriptCard(request),
            Fixtures.timelineCard(request)));

    Recorded put = onlyRequest();
    assertThat(Fixtures.tree(put.bodyText()))
        .isEqualTo(Fixtures.json("requests/skill-invocations-put-success.json"));
    assertThat(put.bodyText()).contains("\"usage\":{\"unit\":\"files\",\"value\":1}");
  }

  @Test
  void fractionalUsageKeepsItsValue() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveDataCards(List.of(Fixtures.keywordCard(request)), Usage.seconds(2.5));

    assertThat(onlyRequest().bodyText()).contains("\"usage\":{\"unit\":\"seconds\",\"value\":2.5}");
  }

  @Test
  void wholeUsageIsWrittenWithoutFraction() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveDataCards(List.of(), Usage.seconds(120.0));

    assertThat(onlyRequest().bodyText()).contains("\"usage\":{\"unit\":\"seconds\",\"value\":120}");
  }

  @Test
  void transientErrorCardReportsTransientFailure() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveErrorCard(SkillsError.INVALID_FILE_FORMAT, FailureType.TRANSIENT);

    JsonNode body = Fixtures.tree(onlyRequest().bodyText());
    assertThat(body.path("status").asText()).isEqualTo("transient_failure");
    assertThat(body.at("/metadata/cards/0/status/code").asText())
        .isEqualTo("skills_invalid_file_format_error");
    assertThat(body.at("/metadata/cards/0/skill_card_title/code").asText())
        .isEqualTo("skills_error");
    assertThat(body.path("usage").isNull()).isTrue();
  }

  @Test
  void customMessageUsesCustomErrorCode() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveErrorCard(SkillsError.BILLING_ERROR, "Provider quota exceeded");

    JsonNode status = Fixtures.tree(onlyRequest().bodyText()).at("/metadata/cards/0/status");
    assertThat(status.path("code").asText()).isEqualTo("custom_error");
    assertThat(status.path("message").asText()).isEqualTo("Provider quota exceeded");
    assertThat(Fixtures.tree(onlyRequest().bodyText()).path("status").asText())
        .isEqualTo("permanent_failure");
  }

  @Test
  void usageWithFailureIsRejected() {
    assertThatThrownBy(
            () -> writer.saveCards(InvocationStatus.PERMANENT_FAILURE, List.of(), Usage.files(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("usage is reported only with status success; got status permanent_failure");
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void nullCardIsRejected() {
    List<KeywordCard> cards = new ArrayList<>();
    cards.add(null);

    assertThatThrownBy(() -> writer.saveDataCards(cards))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("cards[0] is null");
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void idsAreWrittenAsStrings(boolean numericIds) {
    FakeTime payloadTime = new FakeTime(PayloadEvents.RECEIVED);
    SkillsRequest event =
        PayloadEvents.parse(numericIds ? PayloadEvents.NUMERIC : PayloadEvents.STRINGS);
    box.on("PUT", "/2.0/skill_invocations/900491", this::acceptOnlyStringIds);

    try (BoxEndpoints payloadEndpoints =
        BoxEndpoints.builder(box.uri()).sleeper(payloadTime).clock(payloadTime).build()) {
      SkillsWriter.of(event, payloadEndpoints)
          .saveDataCards(List.of(KeywordCard.builder(event).addEntry("budget").build()));
    }

    JsonNode body = Fixtures.tree(onlyRequest().bodyText());
    assertThat(onlyRequest().path()).isEqualTo("/2.0/skill_invocations/900491");
    assertThat(body.at("/file/id").isTextual()).isTrue();
    assertThat(body.at("/file/id").asText()).isEqualTo("545901644053");
    assertThat(body.at("/file_version/id").asText()).isEqualTo("578606265253");
    assertThat(body.at("/metadata/cards/0/skill/id").asText()).isEqualTo("900491");
    assertThat(body.at("/metadata/cards/0/invocation/id").asText())
        .isEqualTo("7000001_545901644053");
  }

  @Test
  void dropsErrorCodeAndRequestIdThatAreNotPlain() {
    box.on(
        "PUT",
        PUT_PATH,
        json(
            400,
            "{\"code\":\"bad\\r\\nINFO forged line\\u001b[31m\",\"request_id\":\""
                + "r".repeat(5000)
                + "\"}",
            "box-request-id",
            "req\u00e9\u0007"));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(400);
              assertThat(e.boxErrorCode()).isEmpty();
              assertThat(e.boxRequestId()).isEmpty();
            })
        .hasMessage(
            "Box rejected PUT /2.0/skill_invocations/10027 (HTTP 400). The request is invalid for"
                + " Box; retrying will not help.");
  }

  @Test
  void keepsPlainErrorCodeAndRequestId() {
    box.on(
        "PUT",
        PUT_PATH,
        json(400, "{\"code\":\"schema_validation_failed\",\"request_id\":\"abc-12.x_9\"}"));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.boxErrorCode()).contains("schema_validation_failed");
              assertThat(e.boxRequestId()).contains("abc-12.x_9");
            });
  }

  @Test
  void skillIdThatWouldChangePathIsRejected() {
    // OkHttp resolves a ".." path segment, so this id would send the write token to PUT /2.0/.
    for (String id : new String[] {"..", ".", "10027/../x y"}) {
      assertThatThrownBy(() -> parseWithSkillId(id))
          .isInstanceOf(InvalidSkillsRequestException.class)
          .hasMessageStartingWith("$.skill.id is not a decimal number");
    }

    assertThat(box.requests()).isEmpty();
  }

  @Test
  void expiredTokenFailsWithoutCall() {
    time.advance(Duration.ofDays(1));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            TokenExpiredException.class,
            e -> {
              assertThat(e.tokenName()).isEqualTo("write");
              assertThat(e.statusCode()).isEmpty();
              assertThat(e.expiresAt()).contains(java.time.Instant.ofEpochSecond(1773592012L));
              assertThat(e.invocationId()).isEqualTo(request.id());
            })
        .hasMessage(
            "The write token of invocation 3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21_2048001001"
                + " expired at 2026-03-15T16:26:52Z, so PUT /2.0/skill_invocations/10027 was not"
                + " sent. Skill tokens cannot be refreshed; Box sends new ones with the next"
                + " invocation. Check the remaining token lifetime before starting long work.");
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void remainingTokenLifetimeUsesEndpointClock() {
    assertThat(writer.remainingTokenLifetime())
        .contains(
            Duration.between(Fixtures.CARD_TIME, java.time.Instant.ofEpochSecond(1773592012L)));
  }

  @Test
  void unauthorizedWriteStopsAllWrites() {
    box.on(
        "PUT",
        PUT_PATH,
        empty(
            401,
            "WWW-Authenticate",
            "Bearer realm=\"Service\", error=\"invalid_token\", error_description=\"token"
                + " expired\"",
            "BOX-REQUEST-ID",
            "fakereq0401expired0001"));

    assertThatThrownBy(() -> writer.saveDataCards(List.of(Fixtures.keywordCard(request))))
        .isInstanceOfSatisfying(
            TokenExpiredException.class,
            e -> {
              assertThat(e.statusCode()).hasValue(401);
              assertThat(e.boxRequestId()).contains("fakereq0401expired0001");
              assertThat(e.fileId()).isEqualTo("1402003004005");
              assertThat(e.skillId()).isEqualTo("10027");
            })
        .hasMessageContaining("Skill tokens cannot be refreshed")
        .hasMessageNotContaining(Fixtures.AUDIO_WRITE_TOKEN);
    assertThatThrownBy(() -> writer.saveErrorCard(SkillsError.FILE_PROCESSING_ERROR))
        .isInstanceOf(TokenExpiredException.class)
        .hasMessageContaining("already rejected the write token");
    assertThatThrownBy(() -> SkillsWriter.of(request, endpoints).saveErrorCard(SkillsError.UNKNOWN))
        .isInstanceOf(TokenExpiredException.class);

    assertThat(FilesReaderTest.targets(box)).containsExactly("PUT " + PUT_PATH);
  }

  @Test
  void forbiddenWriteSaysWhichToken() {
    box.on("PUT", PUT_PATH, json(403, Fixtures.text("errors/403-insufficient-scope.json")));

    assertThatThrownBy(writer::saveProcessingCard)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(403);
              assertThat(e.boxErrorCode()).contains("insufficient_scope");
              assertThat(e.boxRequestId()).contains("fakereq0403a7b8c9");
              assertThat(e.method()).isEqualTo("PUT");
              assertThat(e.path()).isEqualTo(PUT_PATH);
            })
        .hasMessage(
            "Box denied PUT "
                + PUT_PATH
                + " (HTTP 403, code insufficient_scope, Box request id fakereq0403a7b8c9): the"
                + " write token lacks the permission or scope for this call. Read with the read"
                + " token, write cards with the write token, and check the scopes of the skill"
                + " application.");
  }

  @Test
  void processingAfterResultIsDropped() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveDataCards(List.of(Fixtures.keywordCard(request)));
    SkillsWriter.of(request, endpoints).saveProcessingCard();

    assertThat(box.requests()).hasSize(1);
    assertThat(Fixtures.tree(onlyRequest().bodyText()).path("status").asText())
        .isEqualTo("success");
  }

  @Test
  void errorAfterResultIsStillWritten() {
    box.on("PUT", PUT_PATH, empty(200));

    writer.saveDataCards(List.of(Fixtures.keywordCard(request)));
    writer.saveErrorCard(SkillsError.NO_INFO_FOUND);

    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void toStringShowsIdsOnly() {
    assertThat(writer.toString())
        .isEqualTo(
            "SkillsWriter[invocation=3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21_2048001001,"
                + " skill=10027, file=1402003004005, endpoints=BoxEndpoints["
                + box.base()
                + "]]");
  }

  private Recorded onlyRequest() {
    assertThat(box.requests()).hasSize(1);
    return box.requests().get(0);
  }

  private static JsonNode withFileVersion(JsonNode fixture) {
    ObjectNode expected = ((ObjectNode) fixture).deepCopy();
    ObjectNode version = expected.putObject("file_version");
    version.put("type", "file_version");
    version.put("id", "1523004005006");
    return expected;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    fields.forEachRemaining(field -> names.add(field.getKey()));
    return names;
  }

  private SkillsRequest parseWithSkillId(String skillId) {
    String body =
        Fixtures.text("events/invocation-audio-mp3.json")
            .replaceFirst("\"id\": \"10027\"", "\"id\": \"" + skillId + "\"");
    return SkillsRequest.parser()
        .clock(java.time.Clock.fixed(Fixtures.CARD_TIME, java.time.ZoneOffset.UTC))
        .build()
        .parse(body);
  }

  /** Responds 400 unless every id Box checks is a JSON string, as Box does. */
  private void acceptOnlyStringIds(com.sun.net.httpserver.HttpExchange exchange, Recorded put)
      throws java.io.IOException {
    JsonNode body = Fixtures.tree(put.bodyText());
    boolean strings = body.at("/file/id").isTextual();
    for (JsonNode card : body.at("/metadata/cards")) {
      strings &= card.at("/skill/id").isTextual() && card.at("/invocation/id").isTextual();
    }
    if (strings) {
      empty(200).respond(exchange, put);
    } else {
      json(400, "{\"type\":\"error\",\"status\":400,\"code\":\"bad_request\"}")
          .respond(exchange, put);
    }
  }
}
