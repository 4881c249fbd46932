package io.skillskit.examples.sender;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.examples.localbox.Fixtures;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.SkillApp;
import io.skillskit.examples.localbox.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvocationEventTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-14T16:26:51Z"));
  private LocalBox box;
  private LocalFile file;
  private InvocationGrant grant;

  @BeforeEach
  void startBox() {
    box =
        LocalBox.builder()
            .clock(clock)
            .skill(
                new SkillApp("10027", "Audio/Video Insights", "fakeclientid0000skillsfixture001"))
            .start();
    file = box.addFile("Weekly Sync Recording.mp3", new byte[5243]);
    grant = box.invocationFor(file.id());
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void eventHasTheShapeOfARealEvent() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).build());

    JsonNode real = Fixtures.json("events/invocation-audio-mp3.json");

    assertThat(shape(event)).isEqualTo(shape(real));
  }

  @Test
  void eventCarriesTheGrant() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).build());

    assertThat(event.get("type").asText()).isEqualTo("skill_invocation");
    assertThat(event.at("/skill/id").asText()).isEqualTo("10027");
    assertThat(event.at("/skill/api_key").asText()).isEqualTo("fakeclientid0000skillsfixture001");
    assertThat(event.at("/token/read/access_token").asText()).isEqualTo(grant.readToken());
    assertThat(event.at("/token/write/access_token").asText()).isEqualTo(grant.writeToken());
    assertThat(event.at("/token/read/token_type").asText()).isEqualTo("bearer");
    assertThat(event.at("/status/state").asText()).isEqualTo("invoked");
    assertThat(event.get("trigger").asText()).isEqualTo("FILE_CONTENT");
    assertThat(event.at("/source/id").asText()).isEqualTo(file.id());
    assertThat(event.at("/source/name").asText()).isEqualTo("Weekly Sync Recording.mp3");
    assertThat(event.at("/source/size").asLong()).isEqualTo(5243);
    assertThat(event.at("/source/file_version/id").asText()).isEqualTo(file.versionId());
    assertThat(event.at("/source/parent/id").asText()).isEqualTo(file.parentFolderId());
    assertThat(event.at("/event/event_type").asText()).isEqualTo("ITEM_UPLOAD");
    assertThat(event.at("/event/source").has("size")).isFalse();
    assertThat(event.get("parameters").isEmpty()).isTrue();
  }

  @Test
  void expiresInIsTheEpochSecondOfExpiry() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).build());

    long expected = grant.expiresAt().getEpochSecond();
    assertThat(event.at("/token/read/expires_in").asLong()).isEqualTo(expected);
    assertThat(event.at("/token/write/expires_in").asLong()).isEqualTo(expected);
    assertThat(expected).isEqualTo(Instant.parse("2026-03-14T16:26:51Z").getEpochSecond() + 86_401);
  }

  @Test
  void expiresInCanBeSecondsLeft() {
    clock.advance(Duration.ofSeconds(1));

    JsonNode event =
        parse(InvocationEvent.builder(grant).clock(clock).expiresInAsTtl(true).build());

    assertThat(event.at("/token/read/expires_in").asLong()).isEqualTo(86_400);
  }

  @Test
  void restrictedToIsJsonTextScopedToTheFile() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).build());

    JsonNode read = Fixtures.parse(event.at("/token/read/restricted_to").asText());
    JsonNode write = Fixtures.parse(event.at("/token/write/restricted_to").asText());

    assertThat(event.at("/token/read/restricted_to").isTextual()).isTrue();
    assertThat(read.at("/1/scope").asText()).isEqualTo("item_read");
    assertThat(read.at("/1/object_id").isIntegralNumber()).isTrue();
    assertThat(read.at("/1/object_id").asText()).isEqualTo(file.id());
    assertThat(write.at("/1/scope").asText()).isEqualTo("item_upload");
    assertThat(write.at("/2/scope").asText()).isEqualTo("manage_skill_invocations");
  }

  @Test
  void invocationIdIsEventIdAndDigits() {
    UUID eventId = UUID.fromString("3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21");

    InvocationEvent event =
        InvocationEvent.builder(grant)
            .clock(clock)
            .eventId(eventId)
            .invocationNumber(2048001001)
            .build();
    InvocationEvent random = InvocationEvent.builder(grant).clock(clock).build();

    assertThat(event.invocationId()).isEqualTo("3f1c2a9e-5b7d-4c1e-9a2b-7e6d5c4b3a21_2048001001");
    assertThat(parse(event).get("id").asText()).isEqualTo(event.invocationId());
    assertThat(parse(event).at("/event/event_id").asText()).isEqualTo(eventId.toString());
    assertThat(random.invocationId()).matches("[0-9a-f-]{36}_[0-9]{10}");
  }

  @Test
  void createdAtIsRfc3339WithOffset() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).build());

    assertThat(event.get("created_at").asText()).isEqualTo("2026-03-14T09:26:51-07:00");
    assertThat(event.at("/event/created_at").asText()).isEqualTo("2026-03-14T09:26:51-07:00");
  }

  @Test
  void bodyIsEscapedLikeBox() {
    LocalFile unicode = box.addFile("R\u00e9sum\u00e9 \ud83c\udfa7.m4a", new byte[10]);
    InvocationGrant unicodeGrant = box.invocationFor(unicode.id());

    InvocationEvent event = InvocationEvent.builder(unicodeGrant).clock(clock).build();

    String wire = new String(event.body(), StandardCharsets.US_ASCII);
    assertThat(wire).contains("R\\u00e9sum\\u00e9 \\ud83c\\udfa7.m4a");
    assertThat(wire).contains("Audio\\/Video Insights");
    assertThat(wire).doesNotContain("Audio/Video");
    assertThat(wire).matches("\\p{ASCII}*");
    assertThat(parse(event).at("/source/name").asText()).isEqualTo(unicode.name());
  }

  @Test
  void plainEscapingKeepsUtf8() {
    LocalFile unicode = box.addFile("R\u00e9sum\u00e9.m4a", new byte[10]);

    InvocationEvent event =
        InvocationEvent.builder(box.invocationFor(unicode.id()))
            .clock(clock)
            .boxStyleEscaping(false)
            .build();

    assertThat(event.bodyAsString()).contains("R\u00e9sum\u00e9.m4a").contains("Audio/Video");
  }

  @Test
  void numericIdsWritesNumbers() {
    JsonNode event = parse(InvocationEvent.builder(grant).clock(clock).numericIds(true).build());

    assertThat(event.at("/skill/id").isIntegralNumber()).isTrue();
    assertThat(event.at("/source/id").isIntegralNumber()).isTrue();
    assertThat(event.at("/source/id").asText()).isEqualTo(file.id());
    assertThat(event.get("id").isTextual()).isTrue();
  }

  @Test
  void parametersAreWritten() {
    JsonNode event =
        parse(InvocationEvent.builder(grant).clock(clock).parameter("language", "en").build());

    assertThat(event.at("/parameters/language").asText()).isEqualTo("en");
  }

  @Test
  void toStringHidesTheBody() {
    InvocationEvent event = InvocationEvent.builder(grant).clock(clock).build();

    assertThat(event.toString())
        .doesNotContain(grant.readToken())
        .doesNotContain(grant.writeToken())
        .doesNotContain(grant.skill().apiKey())
        .isEqualTo(
            "InvocationEvent[id=" + event.invocationId() + ", bytes=" + event.body().length + "]");
  }

  @Test
  void ofBodyKeepsBytesAndReadsTheId() {
    byte[] fixture = Fixtures.bytes("signature/body.json");

    InvocationEvent event = InvocationEvent.ofBody(fixture);
    InvocationEvent broken = InvocationEvent.ofBody("not json".getBytes(StandardCharsets.UTF_8));

    assertThat(event.body()).isEqualTo(fixture);
    assertThat(event.invocationId())
        .isEqualTo(Fixtures.parse(new String(fixture, StandardCharsets.UTF_8)).get("id").asText());
    assertThat(broken.invocationId()).isEmpty();
  }

  private static JsonNode parse(InvocationEvent event) {
    return Fixtures.parse(event.bodyAsString());
  }

  /** Returns every field path with its JSON type, array positions folded into []. */
  private static Set<String> shape(JsonNode node) {
    Set<String> paths = new TreeSet<>();
    collect(node, "", paths);
    return paths;
  }

  private static void collect(JsonNode node, String path, Set<String> paths) {
    paths.add(path + ":" + node.getNodeType());
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        collect(field.getValue(), path + "/" + field.getKey(), paths);
      }
    } else if (node.isArray()) {
      for (JsonNode element : node) {
        collect(element, path + "[]", paths);
      }
    }
  }
}
