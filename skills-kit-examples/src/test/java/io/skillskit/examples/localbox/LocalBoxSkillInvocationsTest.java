package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LocalBoxSkillInvocationsTest {

  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;

  @BeforeEach
  void startBox() {
    box = LocalBox.start();
    file = box.addFile("Weekly Sync Recording.mp3", "ID3".getBytes(StandardCharsets.UTF_8));
    grant = box.invocationFor(file.id());
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void successIsStoredAndAnsweredWithEmptyBody() {
    ObjectNode body = successBody();

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("box-request-id")).isPresent();
    assertThat(box.storedCards(file.id())).containsExactlyElementsOf(body.at("/metadata/cards"));
    List<InvocationUpdate> history = box.invocationHistory(file.id());
    assertThat(history).hasSize(1);
    assertThat(history.get(0).status()).isEqualTo("success");
    assertThat(history.get(0).skillId()).isEqualTo(box.skill().id());
    assertThat(history.get(0).usage())
        .isEqualTo(Fixtures.parse("{\"unit\":\"files\",\"value\":1}"));
    assertThat(history.get(0).fileVersion().get("id").asText()).isEqualTo(file.versionId());
    assertThat(history.get(0).boxRequestId())
        .isEqualTo(response.headers().firstValue("box-request-id").orElseThrow());
  }

  @Test
  void historyKeepsTheOrderOfWrites() {
    ObjectNode processing = LocalBoxTokensTest.processingBody(file);
    ObjectNode success = successBody();

    TestHttp.putInvocation(box, grant.writeToken(), processing.toString());
    TestHttp.putInvocation(box, grant.writeToken(), success.toString());

    assertThat(box.invocationHistory(file.id()))
        .extracting(InvocationUpdate::status)
        .containsExactly("processing", "success");
    assertThat(box.storedCards(file.id())).hasSize(3);
  }

  @Test
  void nullUsageIsAccepted() {
    ObjectNode processing = LocalBoxTokensTest.processingBody(file);

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), processing.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(box.invocationHistory(file.id()).get(0).usage().isNull()).isTrue();
  }

  @Test
  void absentUsageIsRecordedAsMissing() {
    ObjectNode processing = LocalBoxTokensTest.processingBody(file);
    processing.remove("usage");

    TestHttp.putInvocation(box, grant.writeToken(), processing.toString());

    assertThat(box.invocationHistory(file.id()).get(0).usage().isMissingNode()).isTrue();
  }

  @Test
  void writtenCardsAreVisibleAsSkillsCardsMetadata() {
    TestHttp.putInvocation(
        box, grant.writeToken(), LocalBoxTokensTest.processingBody(file).toString());
    TestHttp.putInvocation(box, grant.writeToken(), successBody().toString());

    HttpResponse<String> response =
        TestHttp.get(
            box, "/2.0/files/" + file.id() + "/metadata/global/boxSkillsCards", grant.readToken());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode metadata = Fixtures.parse(response.body());
    assertThat(metadata.get("$version").asInt()).isEqualTo(1);
    assertThat(metadata.get("$parent").asText()).isEqualTo("file_" + file.id());
    assertThat(metadata.get("cards")).isEqualTo(successBody().at("/metadata/cards"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "keyword-card.json",
        "timeline-card.json",
        "transcript-card.json",
        "status-card.json",
        "status-card-error.json",
        "status-card-minimal-openapi.json"
      })
  void fixtureCardIsAccepted(String fixture) {
    ObjectNode body = successBody();
    ArrayNode cards = (ArrayNode) body.at("/metadata/cards");
    cards.removeAll();
    cards.add(Fixtures.json("cards/" + fixture));

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(box.storedCards(file.id())).containsExactly(Fixtures.json("cards/" + fixture));
  }

  static Stream<Arguments> invalidBodies() {
    return Stream.of(
        invalid("unknown top-level field", body -> body.put("extra", true), "extra"),
        invalid("numeric file id", body -> file(body).put("id", 1402003004001L), "file.id"),
        invalid("file type not file", body -> file(body).put("type", "folder"), "file.type"),
        invalid("status outside the enum", body -> body.put("status", "done"), "status"),
        invalid("status missing", body -> body.remove("status"), "status"),
        invalid(
            "cards not an array", body -> metadata(body).put("cards", "none"), "metadata.cards"),
        invalid(
            "unknown metadata field", body -> metadata(body).put("title", "x"), "metadata.title"),
        invalid(
            "blank entry text",
            body -> entry(body, 0, 1).put("text", "  "),
            "metadata.cards[0].entries[1].text"),
        invalid(
            "entry text a number",
            body -> entry(body, 0, 1).put("text", 7),
            "metadata.cards[0].entries[1].text"),
        invalid(
            "start after end",
            body -> appears(body, 0, 0, 0).put("start", 50),
            "metadata.cards[0].entries[0].appears[0]"),
        invalid(
            "negative start",
            body -> appears(body, 1, 0, 0).put("start", -1),
            "metadata.cards[1].entries[0].appears[0].start"),
        invalid(
            "timeline entry without image",
            body -> entry(body, 2, 0).remove("image_url"),
            "metadata.cards[2].entries[0].image_url"),
        invalid(
            "timeline range without end",
            body -> appears(body, 2, 0, 0).remove("end"),
            "metadata.cards[2].entries[0].appears[0].end"),
        invalid(
            "unknown card type",
            body -> card(body, 1).put("skill_card_type", "faces"),
            "metadata.cards[1].skill_card_type"),
        invalid(
            "card type not skill_card",
            body -> card(body, 0).put("type", "card"),
            "metadata.cards[0].type"),
        invalid(
            "skill id a number",
            body -> ((ObjectNode) card(body, 0).get("skill")).put("id", 10027),
            "metadata.cards[0].skill.id"),
        invalid(
            "invocation type wrong",
            body -> ((ObjectNode) card(body, 0).get("invocation")).put("type", "invocation"),
            "metadata.cards[0].invocation.type"),
        invalid(
            "title without message",
            body -> ((ObjectNode) card(body, 0).get("skill_card_title")).remove("message"),
            "metadata.cards[0].skill_card_title.message"),
        invalid(
            "entries missing",
            body -> card(body, 1).remove("entries"),
            "metadata.cards[1].entries"),
        invalid(
            "duration negative",
            body -> card(body, 0).put("duration", -5),
            "metadata.cards[0].duration"),
        invalid(
            "created_at not a date",
            body -> card(body, 0).put("created_at", "yesterday"),
            "metadata.cards[0].created_at"),
        invalid(
            "usage value text",
            body -> ((ObjectNode) body.get("usage")).put("value", "1"),
            "usage.value"),
        invalid(
            "file_version id not digits",
            body -> ((ObjectNode) body.get("file_version")).put("id", "v1"),
            "file_version.id"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidBodies")
  void invalidBodyGets400NamingTheField(
      String description, Consumer<ObjectNode> change, String field) {
    ObjectNode body = successBody();
    change.accept(body);

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Fixtures.parse(response.body());
    assertThat(error.get("code").asText()).isEqualTo("schema_validation_failed");
    assertThat(error.at("/context_info/errors/0/name").asText()).isEqualTo(field);
    assertThat(error.get("message").asText()).startsWith("Invalid value for " + field + ": ");
    assertThat(box.storedCards(file.id())).isEmpty();
    assertThat(box.invocationHistory(file.id())).isEmpty();
  }

  @Test
  void statusCardWithoutCodeIsRejected() {
    ObjectNode body = LocalBoxTokensTest.processingBody(file);
    ((ObjectNode) body.at("/metadata/cards/0/status")).remove("code");

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).at("/context_info/errors/0/name").asText())
        .isEqualTo("metadata.cards[0].status.code");
  }

  @Test
  void numericFileIdMessageSaysWhatWasExpected() {
    ObjectNode body = successBody();
    file(body).put("id", 1402003004001L);

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(Fixtures.parse(response.body()).get("message").asText())
        .isEqualTo("Invalid value for file.id: must be a string, not a number 1402003004001");
  }

  @Test
  void invalidJsonGets400BadRequest() {
    HttpResponse<String> response = TestHttp.putInvocation(box, grant.writeToken(), "{\"status\":");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).get("code").asText()).isEqualTo("bad_request");
  }

  @Test
  void duplicateKeysGet400() {
    String body = "{\"status\":\"success\",\"status\":\"processing\"}";

    HttpResponse<String> response = TestHttp.putInvocation(box, grant.writeToken(), body);

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void missingContentTypeGets400() {
    HttpResponse<String> response =
        TestHttp.send(
            box,
            "PUT",
            "/2.0/skill_invocations/" + box.skill().id(),
            grant.writeToken(),
            null,
            successBody().toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).get("message").asText())
        .isEqualTo("The Content-Type header is missing; expected application/json");
  }

  @Test
  void jsonWithCharsetIsAccepted() {
    HttpResponse<String> response =
        TestHttp.send(
            box,
            "PUT",
            "/2.0/skill_invocations/" + box.skill().id(),
            grant.writeToken(),
            "application/json; charset=utf-8",
            successBody().toString());

    assertThat(response.statusCode()).isEqualTo(200);
  }

  @Test
  void unknownFileGets404() {
    ObjectNode body = successBody();
    file(body).put("id", "999999999999");
    body.remove("file_version");

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Fixtures.parse(response.body()).get("code").asText()).isEqualTo("not_found");
  }

  @Test
  void unknownFileVersionGets404() {
    ObjectNode body = successBody();
    ((ObjectNode) body.get("file_version")).put("id", "123");

    HttpResponse<String> response =
        TestHttp.putInvocation(box, grant.writeToken(), body.toString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void unknownSkillGets404() {
    HttpResponse<String> response =
        TestHttp.send(
            box,
            "PUT",
            "/2.0/skill_invocations/77",
            grant.writeToken(),
            "application/json",
            successBody().toString());

    assertThat(response.statusCode()).isEqualTo(404);
  }

  @Test
  void getOnSkillInvocationsGets405() {
    HttpResponse<String> response =
        TestHttp.get(box, "/2.0/skill_invocations/" + box.skill().id(), grant.writeToken());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).contains("PUT");
  }

  private ObjectNode successBody() {
    ObjectNode body = Fixtures.object("requests/skill-invocations-put-success.json");
    file(body).put("id", file.id());
    ((ObjectNode) body.get("file_version")).put("id", file.versionId());
    return body;
  }

  private static Arguments invalid(String description, Consumer<ObjectNode> change, String field) {
    return Arguments.of(description, change, field);
  }

  private static ObjectNode file(ObjectNode body) {
    return (ObjectNode) body.get("file");
  }

  private static ObjectNode metadata(ObjectNode body) {
    return (ObjectNode) body.get("metadata");
  }

  private static ObjectNode card(ObjectNode body, int card) {
    return (ObjectNode) body.at("/metadata/cards/" + card);
  }

  private static ObjectNode entry(ObjectNode body, int card, int entry) {
    return (ObjectNode) body.at("/metadata/cards/" + card + "/entries/" + entry);
  }

  private static ObjectNode appears(ObjectNode body, int card, int entry, int range) {
    return (ObjectNode)
        body.at("/metadata/cards/" + card + "/entries/" + entry + "/appears/" + range);
  }
}
