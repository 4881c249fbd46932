package io.skillskit.box;

import static io.skillskit.box.FakeBox.bytes;
import static io.skillskit.box.FakeBox.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.box.FakeBox.Recorded;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BasicFormatTest {

  private static final String FILES_PATH = "/2.0/files/1402003004005";
  private static final String INFO_PATH =
      "/2.0/internal_files/1402003004005/versions/1523004005006/representations/mp3";
  private static final String CONTENT_PATH =
      "/api/2.0/internal_files/1402003004005/versions/1523004005006/representations/mp3/content/";

  private final FakeBox box = new FakeBox();
  private final FakeBox downloads = new FakeBox();
  private final FakeTime time = new FakeTime(Fixtures.CARD_TIME);
  private final BoxEndpoints endpoints =
      BoxEndpoints.builder(box.uri()).sleeper(time).clock(time).retryJitter(0).build();
  private final SkillsRequest request = Fixtures.audioEvent();
  private final FilesReader reader = FilesReader.of(request, endpoints);

  @AfterEach
  void stop() {
    endpoints.close();
    box.close();
    downloads.close();
  }

  @Test
  void startsGenerationAtOnceThenPollsUntilReady() throws IOException {
    box.on("GET", FILES_PATH, json(200, listing("none")));
    box.on(
        "GET",
        INFO_PATH,
        json(200, "{\"representation\":\"mp3\",\"status\":{\"state\":\"pending\"}}"),
        json(200, local(Fixtures.text("responses/representation-info-success.json"))));
    downloads.on(
        "GET",
        CONTENT_PATH,
        bytes(200, new byte[] {'I', 'D', '3', 4}, "Content-Type", "audio/mpeg"));

    byte[] content;
    try (InputStream in = reader.openBasicFormat(Duration.ofMinutes(1))) {
      content = in.readAllBytes();
    }

    assertThat(content).containsExactly('I', 'D', '3', 4);
    assertThat(FilesReaderTest.targets(box))
        .containsExactly(
            "GET " + FILES_PATH + "?fields=representations",
            "GET " + INFO_PATH,
            "GET " + INFO_PATH);
    assertThat(FilesReaderTest.targets(downloads)).containsExactly("GET " + CONTENT_PATH);
    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
    Recorded files = box.requests().get(0);
    assertThat(files.header("x-rep-hints")).isEqualTo("[mp3]");
    for (Recorded sent : concat(box.requests(), downloads.requests())) {
      assertThat(sent.header("Authorization")).isEqualTo("Bearer " + Fixtures.AUDIO_READ_TOKEN);
      assertThat(sent.target()).doesNotContain("access_token");
    }
  }

  @Test
  void readyFormatNeedsNoPolling() {
    FilesReader image = FilesReader.of(Fixtures.event("invocation-image-jpg.json"), endpoints);
    box.on(
        "GET",
        "/2.0/files/1402003004222",
        json(200, local(Fixtures.text("responses/file-representations-success.json"))));

    URI url = image.basicFormatUrl(Duration.ZERO);

    assertThat(url.toString())
        .isEqualTo(
            downloads.base()
                + "/api/2.0/internal_files/1402003004222/versions/1523004005228/representations"
                + "/jpg_1024x1024/content/");
    assertThat(box.requests().get(0).header("x-rep-hints")).isEqualTo("[jpg?dimensions=1024x1024]");
    assertThat(box.requests()).hasSize(1);
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void pagedFormatReadsFirstPage() {
    FilesReader image = FilesReader.of(Fixtures.event("invocation-image-jpg.json"), endpoints);
    box.on(
        "GET",
        "/2.0/files/1402003004222",
        json(
            200,
            local(Fixtures.text("responses/file-representations-success.json"))
                .replace("\"paged\": \"false\"", "\"paged\": \"true\"")));

    assertThat(image.basicFormatUrl(Duration.ZERO).toString()).endsWith("/content/1.jpg");
  }

  @Test
  void pendingFormatStopsAtDeadline() {
    box.on("GET", FILES_PATH, json(200, listing("pending")));
    box.on(
        "GET",
        INFO_PATH,
        json(200, "{\"representation\":\"mp3\",\"status\":{\"state\":\"pending\"}}"));

    assertThatThrownBy(() -> reader.openBasicFormat(Duration.ofSeconds(20)))
        .isInstanceOfSatisfying(
            BasicFormatException.class,
            e -> {
              assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT);
              assertThat(e.skillsError()).isEqualTo(SkillsError.FILE_PROCESSING_ERROR);
              assertThat(e.representation()).isEqualTo("mp3");
              assertThat(e.lastState()).contains("pending");
            })
        .hasMessage(
            "The mp3 basic format of file 1402003004005 was not ready within PT20S (last state"
                + " pending). Box may still be generating it; try again later or wait longer.");
    assertThat(time.totalSleep()).isEqualTo(Duration.ofSeconds(20));
    assertThat(time.sleeps())
        .startsWith(Duration.ofMillis(1000), Duration.ofMillis(1500), Duration.ofMillis(2250));
    assertThat(box.requests()).hasSize(1 + time.sleeps().size());
  }

  @Test
  void failedGenerationIsPermanent() {
    box.on("GET", FILES_PATH, json(200, listing("none")));
    box.on(
        "GET",
        INFO_PATH,
        json(200, "{\"representation\":\"mp3\",\"status\":{\"state\":\"error\"}}"));

    assertThatThrownBy(() -> reader.openBasicFormat(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BasicFormatException.class,
            e -> {
              assertThat(e.failureType()).isEqualTo(FailureType.PERMANENT);
              assertThat(e.lastState()).contains("error");
            })
        .hasMessage(
            "Box failed to generate the mp3 basic format of file 1402003004005 (state error). Box"
                + " will not produce it for this file version.");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void emptyRepresentationListIsPermanent() {
    box.on(
        "GET",
        FILES_PATH,
        json(
            200,
            "{\"type\":\"file\",\"id\":\"1402003004005\",\"representations\":{\"entries\":[]}}"));

    assertThatThrownBy(() -> reader.openBasicFormat(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BasicFormatException.class,
            e -> assertThat(e.failureType()).isEqualTo(FailureType.PERMANENT))
        .hasMessage(
            "Box listed no representations of file 1402003004005 for the hint [mp3]; it does not"
                + " offer the mp3 basic format for this file.");
  }

  @Test
  void missingRepresentationIsPermanent() {
    box.on(
        "GET",
        FILES_PATH,
        json(
            200,
            listing("success")
                .replace("\"representation\": \"mp3\"", "\"representation\": \"pdf\"")));

    assertThatThrownBy(() -> reader.basicFormatUrl(Duration.ofMinutes(1)))
        .isInstanceOf(BasicFormatException.class)
        .hasMessage(
            "Box did not list the mp3 basic format of file 1402003004005; it listed [pdf].");
  }

  @Test
  void unknownStateIsPermanent() {
    box.on("GET", FILES_PATH, json(200, listing("exploded")));

    assertThatThrownBy(() -> reader.basicFormatUrl(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BasicFormatException.class, e -> assertThat(e.lastState()).contains("exploded"))
        .hasMessage(
            "Box reported the unknown state 'exploded' for the mp3 basic format of file"
                + " 1402003004005; expected none, pending, success, viewable or error.");
  }

  @Test
  void documentAsksForExtractedText() {
    FilesReader document =
        FilesReader.of(Fixtures.event("invocation-document-pdf.json"), endpoints);
    String fileId = document.request().file().id();
    box.on(
        "GET",
        "/2.0/files/" + fileId,
        json(
            200,
            local(Fixtures.text("responses/file-representations-extracted-text-none.json"))
                .replace("1402003004111", fileId)));
    box.on(
        "GET",
        "/2.0/internal_files/" + fileId + "/versions/1523004005117/representations/extracted_text",
        json(200, "{\"representation\":\"extracted_text\",\"status\":{\"state\":\"success\"}}"));

    URI url = document.basicFormatUrl(Duration.ofSeconds(5));

    assertThat(box.requests().get(0).header("x-rep-hints")).isEqualTo("[extracted_text]");
    assertThat(url.getPath()).endsWith("/representations/extracted_text/content/");
    assertThat(time.sleeps()).isEmpty();
  }

  @Test
  void negativeWaitIsRejected() {
    assertThatThrownBy(() -> reader.basicFormatUrl(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxWait is PT-1S; expected zero or more");
  }

  /** The pending listing fixture in the given state, pointing at the fake servers. */
  @Test
  void refusesToSendReadTokenToInfoUrlOnOtherHost() {
    // "localhost" resolves to 127.0.0.1 here, so the test stays on this machine, but it is a
    // different host from the base URL's 127.0.0.1.
    String otherHost = downloads.base().replace("127.0.0.1", "localhost");
    box.on(
        "GET",
        FILES_PATH,
        json(200, listing("none").replace(box.base() + "/2.0/internal_files", otherHost + "/x")));

    assertThatThrownBy(() -> reader.openBasicFormat(Duration.ofMinutes(1)))
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(BoxCallException.NO_STATUS);
              assertThat(e.failureType()).isEqualTo(FailureType.PERMANENT);
            })
        .hasMessageContaining("would carry the read token to localhost")
        .hasMessageNotContaining(Fixtures.AUDIO_READ_TOKEN);
    assertThat(downloads.requests()).isEmpty();
  }

  @Test
  void refusesToSendReadTokenToContentUrlOnOtherHost() {
    String otherHost = downloads.base().replace("127.0.0.1", "localhost");
    box.on("GET", FILES_PATH, json(200, listing("none")));
    box.on(
        "GET",
        INFO_PATH,
        json(
            200,
            local(Fixtures.text("responses/representation-info-success.json"))
                .replace(downloads.base(), otherHost)));

    assertThatThrownBy(() -> reader.openBasicFormat(Duration.ofMinutes(1)))
        .isInstanceOf(BoxCallException.class)
        .hasMessageContaining("would carry the read token to localhost");
    assertThat(downloads.requests()).isEmpty();
  }

  private String listing(String state) {
    return local(Fixtures.text("responses/file-representations-pending.json"))
        .replace("\"state\": \"pending\"", "\"state\": \"" + state + "\"");
  }

  private String local(String body) {
    return body.replace("https://api.box.com", box.base())
        .replace("https://dl.boxcloud.com", downloads.base());
  }

  private static List<Recorded> concat(List<Recorded> first, List<Recorded> second) {
    return java.util.stream.Stream.concat(first.stream(), second.stream()).toList();
  }
}
