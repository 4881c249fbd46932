package io.skillskit.cards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fetching remote timeline images from an image server on 127.0.0.1. */
class ThumbnailInlinerTest {

  private static final String LOOPBACK = "127.0.0.1";

  private HttpServer server;
  private String base;
  private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void startImageServer() throws IOException {
    byte[] png = TestImages.png100();
    byte[] big = new byte[4096];
    System.arraycopy(png, 0, big, 0, Math.min(png.length, big.length));
    server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requested.add(exchange.getRequestURI().toString());
          switch (exchange.getRequestURI().getPath()) {
            case "/a.png":
              respond(exchange, 200, png, Map.of("Content-Type", "image/png"));
              break;
            case "/page.html":
              respond(exchange, 200, "<html></html>".getBytes(StandardCharsets.US_ASCII), Map.of());
              break;
            case "/big.png":
              respond(exchange, 200, big, Map.of());
              break;
            case "/moved.png":
              respond(exchange, 302, new byte[0], Map.of("Location", "/a.png"));
              break;
            case "/to-file.png":
              respond(exchange, 302, new byte[0], Map.of("Location", "file:///etc/passwd"));
              break;
            case "/loop.png":
              respond(exchange, 302, new byte[0], Map.of("Location", "/loop.png"));
              break;
            default:
              respond(exchange, 404, "missing".getBytes(StandardCharsets.US_ASCII), Map.of());
          }
        });
    server.start();
    base = "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private static void respond(
      HttpExchange exchange, int status, byte[] body, Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  @AfterEach
  void stopImageServer() {
    server.stop(0);
  }

  private TimelineCard facesCard() {
    return TimelineCard.builder(CardFixtures.request())
        .title("Faces")
        .duration(9)
        .allowTextEntries()
        .addEntry("Speaker A", base + "/a.png", TimeRange.of(0, 5))
        .addEntry("Speaker B", base + "/missing.png", TimeRange.of(5, 9))
        .addEntry("Speaker C", TimeRange.of(2, 3))
        .build();
  }

  @Test
  void inlinesReadableImagesAndKeepsMissingOnes() {
    TimelineCard card = facesCard();
    String before = card.toJson();

    ThumbnailInliner.Result result;
    List<String> warnings;
    try (LogCapture log = LogCapture.of(ThumbnailInliner.class)) {
      result = ThumbnailInliner.create().inline(card);
      warnings = log.warnings();
    }

    JsonNode json = CardFixtures.tree(result.card().toJson());
    assertThat(json.get("skill_card_type").asText()).isEqualTo("timeline");
    assertThat(json.at("/skill_card_title/code").asText()).isEqualTo("skills_faces");
    assertThat(json.at("/skill_card_title/message").asText()).isEqualTo("Faces");
    assertThat(json.get("duration").asInt()).isEqualTo(9);
    assertThat(json.at("/entries/0/type").asText()).isEqualTo("image");
    assertThat(json.at("/entries/1/type").asText()).isEqualTo("image");
    assertThat(json.at("/entries/2/type").asText()).isEqualTo("text");
    String thumbnail = json.at("/entries/0/image_url").asText();
    assertThat(thumbnail).startsWith("data:image/png;base64,");
    assertThat(TestImages.decode(CardFixtures.dataUriBytes(thumbnail)).getWidth()).isEqualTo(45);
    assertThat(TestImages.decode(CardFixtures.dataUriBytes(thumbnail)).getHeight()).isEqualTo(45);
    assertThat(json.at("/entries/1/image_url").asText()).isEqualTo(base + "/missing.png");
    assertThat(json.at("/entries/2").has("image_url")).isFalse();
    assertThat(result.failures())
        .containsExactly(
            new ThumbnailInliner.Failure(
                1, "127.0.0.1:" + server.getAddress().getPort(), "/missing.png", "HTTP 404"));
    assertThat(warnings)
        .containsExactly(
            "Failed to inline the image of timeline entry 1 (127.0.0.1:"
                + server.getAddress().getPort()
                + "/missing.png): HTTP 404; the entry keeps its URL");
    assertThat(card.toJson()).isEqualTo(before);
  }

  @Test
  void callerEntriesStayUnchanged() {
    List<CardEntry> entries =
        new ArrayList<>(
            List.of(
                CardEntry.image("Speaker A", base + "/a.png", TimeRange.of(0, 5)),
                CardEntry.image("Speaker B", base + "/missing.png", TimeRange.of(5, 9)),
                CardEntry.of("Speaker C", TimeRange.of(2, 3))));
    List<CardEntry> copy = List.copyOf(entries);
    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .duration(9)
            .allowTextEntries()
            .addAllEntries(entries)
            .build();

    ThumbnailInliner.create().inline(card);

    assertThat(entries).isEqualTo(copy);
    assertThat(entries.get(0).imageUrl()).contains(base + "/a.png");
    assertThat(entries.get(2).type()).isEqualTo("text");
    assertThat(card.entries().get(0).imageUrl()).contains(base + "/a.png");
  }

  @Test
  void warningsLeaveOutQueryStrings() {
    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("A", base + "/gone.png?sig=SECRET-SIGNATURE&x=1", TimeRange.of(0, 1))
            .build();

    ThumbnailInliner.Result result;
    List<String> messages;
    try (LogCapture log = LogCapture.of(ThumbnailInliner.class)) {
      result = ThumbnailInliner.create().inline(card);
      messages = log.messages();
    }

    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).path()).isEqualTo("/gone.png");
    assertThat(String.join("\n", messages)).doesNotContain("SECRET").doesNotContain("sig=");
    assertThat(requested).containsExactly("/gone.png?sig=SECRET-SIGNATURE&x=1");
  }

  @Test
  void reportsEachKindOfFailure() {
    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("page", base + "/page.html", TimeRange.of(0, 1))
            .addEntry("big", base + "/big.png", TimeRange.of(0, 1))
            .addEntry("file", base + "/to-file.png", TimeRange.of(0, 1))
            .addEntry("loop", base + "/loop.png", TimeRange.of(0, 1))
            .addEntry("moved", base + "/moved.png", TimeRange.of(0, 1))
            .build();
    ThumbnailInliner inliner =
        ThumbnailInliner.builder()
            .maxImageBytes(1000)
            .maxRedirects(2)
            .timeout(Duration.ofSeconds(20))
            .build();

    ThumbnailInliner.Result result = inliner.inline(card);

    assertThat(result.failures())
        .extracting(ThumbnailInliner.Failure::entryIndex, ThumbnailInliner.Failure::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                0,
                "image format not recognised (first bytes 3c 68 74 6d 6c 3e 3c 2f);"
                    + " expected PNG, JPEG, GIF or BMP bytes"),
            org.assertj.core.groups.Tuple.tuple(1, "image is 4096 bytes; the limit is 1000"),
            org.assertj.core.groups.Tuple.tuple(
                2, "HTTP 302 redirect to a file: URL; only http(s) is followed"),
            org.assertj.core.groups.Tuple.tuple(3, "more than 2 redirects"));
    assertThat(result.card().entries().get(4).imageUrl().orElseThrow())
        .startsWith(Thumbnails.DATA_URI_PREFIX);
    assertThat(result.card().entries().get(2).imageUrl()).contains(base + "/to-file.png");
    assertThat(result.toString()).contains("failures=4");
  }

  @Test
  void leavesDataUrisAlone() {
    String dataUri = Thumbnails.toDataUri(TestImages.png100());
    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("A", dataUri, TimeRange.of(0, 1))
            .build();

    ThumbnailInliner.Result result = ThumbnailInliner.create().inline(card);

    assertThat(result.card()).isEqualTo(card);
    assertThat(result.failures()).isEmpty();
    assertThat(requested).isEmpty();
  }

  @Test
  void unreachableHostIsReported() throws IOException {
    // a port that was just free on the loopback interface
    int port;
    try (java.net.ServerSocket socket =
        new java.net.ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
      port = socket.getLocalPort();
    }
    TimelineCard card =
        TimelineCard.builder(CardFixtures.request())
            .addEntry("A", "http://127.0.0.1:" + port + "/a.png", TimeRange.of(0, 1))
            .build();

    ThumbnailInliner.Result result = ThumbnailInliner.create().inline(card);

    assertThat(result.failures()).hasSize(1);
    assertThat(result.failures().get(0).reason()).startsWith("request failed: ");
  }

  @Test
  void rejectsInvalidSettings() {
    assertThatThrownBy(() -> ThumbnailInliner.builder().timeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timeout PT0S must be positive");
    assertThatThrownBy(() -> ThumbnailInliner.builder().maxImageBytes(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxImageBytes 0 must be at least 1");
    assertThatThrownBy(() -> ThumbnailInliner.builder().maxRedirects(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxRedirects -1 must not be negative");
    assertThatThrownBy(() -> ThumbnailInliner.create().inline(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("card");
  }
}
