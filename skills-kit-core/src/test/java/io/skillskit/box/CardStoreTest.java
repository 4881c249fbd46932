package io.skillskit.box;

import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.skillskit.box.FakeBox.Recorded;
import io.skillskit.cards.SkillCard;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes against a fake that stores the cards the way Box does. */
class CardStoreTest {

  private static final String PUT_PATH = "/2.0/skill_invocations/10027";
  private static final String METADATA_PATH =
      "/2.0/files/1402003004005/metadata/global/boxSkillsCards";

  private final FakeBox box = new FakeBox();
  private final FakeTime time = new FakeTime(Fixtures.CARD_TIME);
  private final BoxEndpoints endpoints =
      BoxEndpoints.builder(box.uri()).sleeper(time).clock(time).retryJitter(0).build();
  private final SkillsRequest request = Fixtures.audioEvent();

  /** The file's stored invocation status and card list; guarded by {@code this}. */
  private String storedStatus;

  private ArrayNode storedCards;

  @AfterEach
  void stop() {
    endpoints.close();
    box.close();
  }

  @Test
  void processingWriteNeverLandsAfterResult() throws Exception {
    CountDownLatch processingArrived = new CountDownLatch(1);
    box.on(
        "PUT",
        PUT_PATH,
        (exchange, put) -> {
          JsonNode body = Fixtures.tree(put.bodyText());
          if (body.path("status").asText().equals("processing")) {
            processingArrived.countDown();
            // Box applies this write late; a success write sent meanwhile would be overwritten.
            sleep(300);
          }
          synchronized (this) {
            storedStatus = body.path("status").asText();
            storedCards = (ArrayNode) body.at("/metadata/cards");
          }
          empty(200).respond(exchange, put);
        });

    CompletableFuture<Void> processing =
        CompletableFuture.runAsync(() -> SkillsWriter.of(request, endpoints).saveProcessingCard());
    assertThat(processingArrived.await(30, TimeUnit.SECONDS)).isTrue();
    SkillsWriter.of(request, endpoints).saveDataCards(List.of(Fixtures.keywordCard(request)));
    processing.get(30, TimeUnit.SECONDS);

    synchronized (this) {
      assertThat(storedStatus).isEqualTo("success");
      assertThat(storedCards).hasSize(1);
      assertThat(storedCards.get(0).path("skill_card_type").asText()).isEqualTo("keyword");
    }
    assertThat(box.requests())
        .extracting(CardStoreTest::statusOf)
        .containsExactly("processing", "success");
  }

  @Test
  void processingWriteStartedLateIsDropped() throws Exception {
    box.on("PUT", PUT_PATH, empty(200));

    SkillsWriter.of(request, endpoints).saveDataCards(List.of(Fixtures.keywordCard(request)));
    CompletableFuture.runAsync(() -> SkillsWriter.of(request, endpoints).saveProcessingCard())
        .get(30, TimeUnit.SECONDS);

    assertThat(box.requests()).extracting(CardStoreTest::statusOf).containsExactly("success");
  }

  @Test
  void metadataCreateMatchesFixture() {
    box.on("POST", METADATA_PATH, json(201, Fixtures.text("responses/boxskillscards-get.json")));

    SkillsWriter.of(request, endpoints).saveToMetadata(List.of(Fixtures.keywordCard(request)));

    Recorded post = box.requests().get(0);
    assertThat(post.header("Authorization")).isEqualTo("Bearer " + Fixtures.AUDIO_WRITE_TOKEN);
    assertThat(post.header("Content-Type")).isEqualTo("application/json");
    assertThat(Fixtures.tree(post.bodyText()))
        .isEqualTo(Fixtures.json("requests/boxskillscards-post.json"));
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void existingMetadataIsReplacedWhole() {
    storedCards = placeholderCards(1);
    box.on("POST", METADATA_PATH, this::createMetadata);
    box.on("PUT", METADATA_PATH, this::patchMetadata);
    List<SkillCard> cards =
        List.of(Fixtures.keywordCard(request), Fixtures.transcriptCard(request));

    SkillsWriter.of(request, endpoints).saveToMetadata(cards);

    assertThat(FilesReaderTest.targets(box))
        .containsExactly("POST " + METADATA_PATH, "PUT " + METADATA_PATH);
    Recorded patch = box.requests().get(1);
    assertThat(patch.header("Content-Type")).isEqualTo("application/json-patch+json");
    assertThat(Fixtures.tree(patch.bodyText())).isEqualTo(expectedPatch(cards));
    assertThat(storedCardTypes()).containsExactly("keyword", "transcript");
  }

  @Test
  void replaceWritesMoreCardsThanStored() {
    storedCards = placeholderCards(1);
    box.on("POST", METADATA_PATH, this::createMetadata);
    box.on("PUT", METADATA_PATH, this::patchMetadata);

    SkillsWriter.of(request, endpoints)
        .saveToMetadata(
            List.of(
                Fixtures.keywordCard(request),
                Fixtures.transcriptCard(request),
                Fixtures.timelineCard(request)));

    assertThat(storedCardTypes()).containsExactly("keyword", "transcript", "timeline");
  }

  @Test
  void replaceWritesFewerCardsThanStored() {
    storedCards = placeholderCards(5);
    box.on("POST", METADATA_PATH, this::createMetadata);
    box.on("PUT", METADATA_PATH, this::patchMetadata);

    SkillsWriter.of(request, endpoints)
        .saveToMetadata(List.of(Fixtures.keywordCard(request), Fixtures.transcriptCard(request)));

    assertThat(storedCardTypes()).containsExactly("keyword", "transcript");
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void repeatedConflictIsThrownAfterTwoRequests() {
    String conflict = Fixtures.text("errors/409-tuple-already-exists.json");
    box.on("POST", METADATA_PATH, json(409, conflict));
    box.on("PUT", METADATA_PATH, json(409, conflict));

    assertThatThrownBy(
            () ->
                SkillsWriter.of(request, endpoints)
                    .saveToMetadata(List.of(Fixtures.keywordCard(request))))
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(409);
              assertThat(e.method()).isEqualTo("PUT");
              assertThat(e.boxErrorCode()).contains("tuple_already_exists");
            });
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void conflictWithoutJsonBodyStillFallsBack() {
    box.on("POST", METADATA_PATH, empty(409));
    box.on("PUT", METADATA_PATH, json(200, "{}"));

    SkillsWriter.of(request, endpoints).saveToMetadata(List.of(Fixtures.keywordCard(request)));

    assertThat(box.requests()).hasSize(2);
  }

  private void createMetadata(HttpExchange exchange, Recorded post) throws IOException {
    synchronized (this) {
      if (storedCards != null) {
        json(409, Fixtures.text("errors/409-tuple-already-exists.json")).respond(exchange, post);
        return;
      }
      storedCards = (ArrayNode) Fixtures.tree(post.bodyText()).path("cards");
    }
    json(201, "{}").respond(exchange, post);
  }

  /** Applies JSON Patch replace operations; replacing a missing index is a 400, as in Box. */
  private void patchMetadata(HttpExchange exchange, Recorded put) throws IOException {
    synchronized (this) {
      for (JsonNode op : Fixtures.tree(put.bodyText())) {
        String path = op.path("op").asText().equals("replace") ? op.path("path").asText() : "";
        if (path.equals("/cards")) {
          storedCards = (ArrayNode) op.path("value");
        } else if (path.startsWith("/cards/")) {
          int index = Integer.parseInt(path.substring("/cards/".length()));
          if (index >= storedCards.size()) {
            json(400, "{\"type\":\"error\",\"status\":400,\"code\":\"bad_request\"}")
                .respond(exchange, put);
            return;
          }
          storedCards.set(index, op.path("value"));
        } else {
          json(400, "{\"type\":\"error\",\"status\":400,\"code\":\"bad_request\"}")
              .respond(exchange, put);
          return;
        }
      }
    }
    json(200, "{}").respond(exchange, put);
  }

  private synchronized List<String> storedCardTypes() {
    return IntStream.range(0, storedCards.size())
        .mapToObj(i -> storedCards.get(i).path("skill_card_type").asText())
        .toList();
  }

  private ArrayNode placeholderCards(int count) {
    ArrayNode cards = JsonNodeFactory.instance.arrayNode();
    for (int i = 0; i < count; i++) {
      cards.add(
          Fixtures.tree(
              io.skillskit.cards.StatusCard.builder(request).processing().build().toJson()));
    }
    return cards;
  }

  private static JsonNode expectedPatch(List<? extends SkillCard> cards) {
    ArrayNode patch = JsonNodeFactory.instance.arrayNode();
    ObjectNode op = patch.addObject();
    op.put("op", "replace");
    op.put("path", "/cards");
    ArrayNode value = op.putArray("value");
    cards.forEach(card -> value.add(Fixtures.tree(card.toJson())));
    return patch;
  }

  private static String statusOf(Recorded put) {
    return Fixtures.tree(put.bodyText()).path("status").asText();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
