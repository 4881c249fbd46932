package io.skillskit.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.FileRejectedException;
import io.skillskit.box.FilesReader;
import io.skillskit.box.SkillsWriter;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.AccessToken;
import io.skillskit.request.FileType;
import io.skillskit.request.SkillsRequest;
import io.skillskit.signature.SignatureGenerator;
import io.skillskit.signature.SignatureValidator;
import io.skillskit.signature.SignatureVerificationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Uses the kit only through its public API, with the calls a skill author copies from the README's
 * Usage section, against a small Box stand-in on 127.0.0.1.
 */
class PublicApiContractTest {

  private static final String PRIMARY = "PrimaryKeyForTests0123456789abcd";
  private static final String SECONDARY = "SecondaryKeyForTests0123456789ab";
  private static final Instant NOW = Instant.parse("2024-05-01T17:05:00Z");

  private static final String EVENT =
      "{\"type\":\"skill_invocation\",\"id\":\"7000001_545901644053\","
          + "\"skill\":{\"id\":900491,\"name\":\"Transcriber\",\"api_key\":\"apikey000\"},"
          + "\"token\":{\"read\":{\"access_token\":\"READ-TOKEN-FAKE-1\",\"expires_in\":1714669200},"
          + "\"write\":{\"access_token\":\"WRITE-TOKEN-FAKE-1\",\"expires_in\":1714669200}},"
          + "\"source\":{\"type\":\"file\",\"id\":545901644053,\"name\":\"Call.MP3\","
          + "\"size\":5368709120}}";

  private final List<String> received = new CopyOnWriteArrayList<>();
  private final HttpServer server = startServer();

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void designContractCallsWorkEndToEnd() throws IOException {
    byte[] body = EVENT.getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = new HashMap<>();
    SignatureGenerator.of(PRIMARY, SECONDARY)
        .headers(body, "2024-05-01T10:00:00-07:00")
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), value));
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    String primary = PRIMARY;
    String secondary = SECONDARY;

    SignatureValidator validator =
        SignatureValidator.builder()
            .primaryKey(primary)
            .secondaryKey(secondary)
            .maxAge(Duration.ofMinutes(10))
            .clock(clock)
            .build();
    validator.verify(body, headers);
    boolean ok = validator.isValid(body, headers);

    SkillsRequest request = SkillsRequest.parse(body);
    SkillsRequest fromText = SkillsRequest.parse(EVENT);
    String id = request.id();
    String skillId = request.skill().id();
    String fileId = request.file().id();
    String name = request.file().name();
    long size = request.file().size();
    String extension = request.file().extension();
    FileType type = request.file().type();
    AccessToken read = request.readToken();
    AccessToken write = request.writeToken();

    KeywordCard topics =
        KeywordCard.builder(request).title("Topics").addEntry("budget").addEntry("hiring").build();
    String json = topics.toJson();

    assertThat(ok).isTrue();
    assertThat(fromText.id()).isEqualTo(id);
    assertThat(id).isEqualTo("7000001_545901644053");
    assertThat(skillId).isEqualTo("900491");
    assertThat(fileId).isEqualTo("545901644053");
    assertThat(name).isEqualTo("Call.MP3");
    assertThat(size).isEqualTo(5368709120L);
    assertThat(extension).isEqualTo("mp3");
    assertThat(type).isEqualTo(FileType.AUDIO);
    assertThat(read.value()).isEqualTo("READ-TOKEN-FAKE-1");
    assertThat(read.expiresAt()).contains(Instant.ofEpochSecond(1714669200));
    assertThat(read.toString()).doesNotContain("READ-TOKEN-FAKE-1");
    assertThat(write.toString()).doesNotContain("WRITE-TOKEN-FAKE-1");
    assertThat(request.toString()).doesNotContain("TOKEN-FAKE", "apikey000");
    assertThat(json).contains("\"text\":\"budget\"", "\"id\":\"900491\"");

    // A changed body no longer matches the signature.
    byte[] tampered = EVENT.replace("Call", "Cell").getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> validator.verify(tampered, headers))
        .isInstanceOf(SignatureVerificationException.class);
    assertThat(validator.isValid(tampered, headers)).isFalse();

    // Production endpoints exist, but this test never calls them.
    assertThat(BoxEndpoints.production().baseUri()).isEqualTo(URI.create("https://api.box.com"));

    URI local = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (BoxEndpoints box = BoxEndpoints.builder(local).clock(clock).build()) {
      FilesReader reader = FilesReader.of(request, box);
      reader.requireFormat("mp3", "wav");
      assertThatThrownBy(() -> reader.requireMaxSize(50L << 20))
          .isInstanceOfSatisfying(
              FileRejectedException.class,
              e -> assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_SIZE));
      assertThatThrownBy(() -> reader.requireFormat("wav"))
          .isInstanceOfSatisfying(
              FileRejectedException.class,
              e -> assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_FORMAT));
      try (InputStream in = reader.openContent()) {
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
      }

      SkillsWriter writer = SkillsWriter.of(request, box);
      writer.saveProcessingCard();
      writer.saveDataCards(List.of(topics));
      writer.saveErrorCard(SkillsError.FILE_PROCESSING_ERROR);
    }
    try (BoxEndpoints viaAt = BoxEndpoints.at(local)) {
      assertThat(viaAt.baseUri()).isEqualTo(local);
    }

    assertThat(received)
        .containsExactly(
            "GET /2.0/files/545901644053/content Bearer READ-TOKEN-FAKE-1",
            "GET /download/opaque null",
            "PUT /2.0/skill_invocations/900491 Bearer WRITE-TOKEN-FAKE-1",
            "PUT /2.0/skill_invocations/900491 Bearer WRITE-TOKEN-FAKE-1",
            "PUT /2.0/skill_invocations/900491 Bearer WRITE-TOKEN-FAKE-1");
  }

  private HttpServer startServer() {
    try {
      HttpServer http =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      http.createContext(
          "/",
          exchange -> {
            try (exchange) {
              exchange.getRequestBody().readAllBytes();
              String path = exchange.getRequestURI().getRawPath();
              received.add(
                  exchange.getRequestMethod()
                      + " "
                      + path
                      + " "
                      + exchange.getRequestHeaders().getFirst("Authorization"));
              if (path.endsWith("/content")) {
                exchange.getResponseHeaders().set("Location", "/download/opaque");
                exchange.sendResponseHeaders(302, -1);
              } else if (path.startsWith("/download/")) {
                byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                  out.write(bytes);
                }
              } else {
                exchange.sendResponseHeaders(200, -1);
              }
            }
          });
      http.start();
      return http;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
