package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBoxSkillsCardsTest {

  private static final String PATCH = "application/json-patch+json";

  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;
  private String path;

  @BeforeEach
  void startBox() {
    box = LocalBox.start();
    file = box.addFile("Weekly Sync Recording.mp3", "ID3".getBytes(StandardCharsets.UTF_8));
    grant = box.invocationFor(file.id());
    path = "/2.0/files/" + file.id() + "/metadata/global/boxSkillsCards";
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void getWithoutCardsIsInstanceNotFound() {
    HttpResponse<String> response = TestHttp.get(box, path, grant.writeToken());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Fixtures.parse(response.body()).get("code").asText())
        .isEqualTo("instance_not_found");
  }

  @Test
  void postCreatesTheInstance() {
    HttpResponse<String> response = post(Fixtures.text("requests/boxskillscards-post.json"));

    assertThat(response.statusCode()).isEqualTo(201);
    JsonNode created = Fixtures.parse(response.body());
    JsonNode shape = Fixtures.json("responses/boxskillscards-get.json");
    assertThat(fieldNames(created)).isEqualTo(fieldNames(shape));
    assertThat(created.get("$canEdit").asBoolean()).isTrue();
    assertThat(created.get("$id").asText()).hasSize(36);
    assertThat(created.get("$parent").asText()).isEqualTo("file_" + file.id());
    assertThat(created.get("$scope").asText()).isEqualTo("global");
    assertThat(created.get("$template").asText()).isEqualTo("boxSkillsCards");
    assertThat(created.get("$type").asText()).startsWith("boxSkillsCards-");
    assertThat(created.get("$version").asInt()).isZero();
    assertThat(created.get("cards"))
        .isEqualTo(Fixtures.json("requests/boxskillscards-post.json").get("cards"));
    assertThat(box.skillsCardsMetadata(file.id())).contains(created);
  }

  @Test
  void secondPostIsTupleAlreadyExists() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> second = post(Fixtures.text("requests/boxskillscards-post.json"));

    assertThat(second.statusCode()).isEqualTo(409);
    assertThat(Fixtures.parse(second.body()).get("code").asText())
        .isEqualTo("tuple_already_exists");
  }

  @Test
  void postOnFileWithPlaceholderCardIsConflict() {
    box.seedCards(file.id(), List.of(Fixtures.json("cards/status-card.json")));

    HttpResponse<String> response = post(Fixtures.text("requests/boxskillscards-post.json"));

    assertThat(response.statusCode()).isEqualTo(409);
    assertThat(box.storedCards(file.id())).containsExactly(Fixtures.json("cards/status-card.json"));
  }

  @Test
  void replacingAllCardsRemovesThePlaceholder() {
    box.seedCards(file.id(), List.of(Fixtures.json("cards/status-card.json")));
    ArrayNode cards = Fixtures.MAPPER.createArrayNode();
    cards.add(Fixtures.json("cards/keyword-card.json"));
    cards.add(Fixtures.json("cards/transcript-card.json"));

    HttpResponse<String> response = patch(operation("replace", "/cards", cards));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode instance = Fixtures.parse(response.body());
    assertThat(instance.get("$version").asInt()).isEqualTo(1);
    assertThat(instance.get("cards")).isEqualTo(cards);
    assertThat(box.storedCards(file.id())).containsExactlyElementsOf(cards);
  }

  @Test
  void replacingOneCardByIndex() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> response =
        patchText(Fixtures.text("requests/boxskillscards-put-json-patch.json"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(box.storedCards(file.id())).hasSize(1);
    assertThat(box.storedCards(file.id()).get(0).at("/skill_card_title/message").asText())
        .isEqualTo("Topics (revised)");
  }

  @Test
  void replacingAMissingIndexIs400AndChangesNothing() {
    post(Fixtures.text("requests/boxskillscards-post.json"));
    List<JsonNode> before = box.storedCards(file.id());

    HttpResponse<String> response =
        patch(operation("replace", "/cards/1", Fixtures.json("cards/keyword-card.json")));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Fixtures.parse(response.body());
    assertThat(error.get("code").asText()).isEqualTo("bad_request");
    assertThat(error.at("/context_info/errors/0/name").asText()).isEqualTo("[0].path");
    assertThat(box.storedCards(file.id())).isEqualTo(before);
    assertThat(box.skillsCardsMetadata(file.id()).orElseThrow().get("$version").asInt()).isZero();
  }

  @Test
  void patchNeedsTheJsonPatchContentType() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> response =
        TestHttp.send(
            box,
            "PUT",
            path,
            grant.writeToken(),
            "application/json",
            Fixtures.text("requests/boxskillscards-put-json-patch.json"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).get("message").asText())
        .isEqualTo(
            "Content-Type 'application/json' is not supported here; expected "
                + "application/json-patch+json");
  }

  @Test
  void patchAddsRemovesAndTests() {
    post(Fixtures.text("requests/boxskillscards-post.json"));
    ArrayNode operations = Fixtures.MAPPER.createArrayNode();
    operations.add(operation("test", "/cards/0/skill_card_type", text("keyword")).get(0));
    operations.add(
        operation("add", "/cards/-", Fixtures.json("cards/transcript-card.json")).get(0));
    operations.add(operation("add", "/cards/0", Fixtures.json("cards/status-card.json")).get(0));
    operations.add(remove("/cards/1"));

    HttpResponse<String> response = patch(operations);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(box.storedCards(file.id()))
        .extracting(card -> card.get("skill_card_type").asText())
        .containsExactly("status", "transcript");
  }

  @Test
  void failedTestOperationIs400() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> response =
        patch(operation("test", "/cards/0/skill_card_type", text("timeline")));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).get("message").asText()).contains("test failed");
  }

  @Test
  void patchOutsideCardsIs400() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> response = patch(operation("replace", "/$version", text("9")));

    assertThat(response.statusCode()).isEqualTo(400);
  }

  @Test
  void patchThatLeavesAnInvalidCardIsSchemaError() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> response =
        patch(operation("replace", "/cards/0/entries/0/text", text("")));

    assertThat(response.statusCode()).isEqualTo(400);
    JsonNode error = Fixtures.parse(response.body());
    assertThat(error.get("code").asText()).isEqualTo("schema_validation_failed");
    assertThat(error.at("/context_info/errors/0/name").asText())
        .isEqualTo("cards[0].entries[0].text");
  }

  @Test
  void patchWithoutInstanceIsInstanceNotFound() {
    HttpResponse<String> response =
        patchText(Fixtures.text("requests/boxskillscards-put-json-patch.json"));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Fixtures.parse(response.body()).get("code").asText())
        .isEqualTo("instance_not_found");
  }

  @Test
  void postWithInvalidCardNamesItsIndex() {
    ObjectNode body = Fixtures.object("requests/boxskillscards-post.json");
    ((ObjectNode) body.at("/cards/0")).put("skill_card_type", "faces");

    HttpResponse<String> response = post(body.toString());

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(Fixtures.parse(response.body()).at("/context_info/errors/0/name").asText())
        .isEqualTo("cards[0].skill_card_type");
  }

  @Test
  void deleteRemovesTheInstance() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> first = TestHttp.send(box, "DELETE", path, grant.writeToken(), null, "");
    HttpResponse<String> second = TestHttp.send(box, "DELETE", path, grant.writeToken(), null, "");

    assertThat(first.statusCode()).isEqualTo(204);
    assertThat(first.body()).isEmpty();
    assertThat(second.statusCode()).isEqualTo(404);
    assertThat(box.storedCards(file.id())).isEmpty();
  }

  @Test
  void readTokenReadsButCannotChangeCards() {
    post(Fixtures.text("requests/boxskillscards-post.json"));

    HttpResponse<String> read = TestHttp.get(box, path, grant.readToken());
    HttpResponse<String> delete = TestHttp.send(box, "DELETE", path, grant.readToken(), null, "");

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(delete.statusCode()).isEqualTo(403);
  }

  @Test
  void otherTemplatesAreNotFound() {
    HttpResponse<String> response =
        TestHttp.get(
            box, "/2.0/files/" + file.id() + "/metadata/enterprise/contract", grant.readToken());

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Fixtures.parse(response.body()).get("code").asText())
        .isEqualTo("instance_tuple_not_found");
  }

  private HttpResponse<String> post(String body) {
    return TestHttp.send(box, "POST", path, grant.writeToken(), "application/json", body);
  }

  private HttpResponse<String> patch(JsonNode operations) {
    return patchText(operations.toString());
  }

  private HttpResponse<String> patchText(String operations) {
    return TestHttp.send(box, "PUT", path, grant.writeToken(), PATCH, operations);
  }

  private static ArrayNode operation(String op, String pointer, JsonNode value) {
    ArrayNode operations = Fixtures.MAPPER.createArrayNode();
    operations.addObject().put("op", op).put("path", pointer).set("value", value);
    return operations;
  }

  private static ObjectNode remove(String pointer) {
    return Fixtures.MAPPER.createObjectNode().put("op", "remove").put("path", pointer);
  }

  private static JsonNode text(String value) {
    return Fixtures.MAPPER.getNodeFactory().textNode(value);
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
