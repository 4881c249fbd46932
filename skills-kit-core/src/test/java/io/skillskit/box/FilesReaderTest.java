package io.skillskit.box;

import static io.skillskit.box.FakeBox.bytes;
import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static io.skillskit.box.FakeBox.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.skillskit.box.FakeBox.Recorded;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FilesReaderTest {

  private static final String CONTENT_PATH = "/2.0/files/1402003004005/content";

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
  void requireFormatAcceptsListedExtensionInAnyCase() {
    assertThat(reader.requireFormat("WAV", ".Mp3")).isSameAs(reader);
  }

  @Test
  void requireFormatRejectsOtherExtension() {
    assertThatThrownBy(() -> reader.requireFormat("wav", "flac"))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> {
              assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_FORMAT);
              assertThat(e.failureType()).isEqualTo(FailureType.PERMANENT);
            })
        .hasMessage("File 1402003004005 has extension mp3; the skill accepts wav, flac.");
  }

  @Test
  void requireFormatComparesWholeExtensions() {
    assertThatThrownBy(() -> reader.requireFormat("mp", "p3", "mp3x"))
        .isInstanceOf(FileRejectedException.class);
  }

  @Test
  void requireFormatRejectsFileWithoutExtension() {
    SkillsRequest noExtension =
        parse(
            Fixtures.text("events/invocation-audio-mp3.json")
                .replace("Weekly Sync Recording.mp3", "Weekly Sync Recording"));

    assertThatThrownBy(() -> FilesReader.of(noExtension, endpoints).requireFormat("mp3"))
        .isInstanceOf(FileRejectedException.class)
        .hasMessage("File 1402003004005 has no extension; the skill accepts mp3.");
  }

  @Test
  void requireFormatRejectsEmptyArguments() {
    assertThatThrownBy(() -> reader.requireFormat())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requireFormat needs at least one extension");
    assertThatThrownBy(() -> reader.requireFormat("mp3", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void requireMaxSizeAcceptsFileAtLimit() {
    FilesReader image = FilesReader.of(Fixtures.event("invocation-image-jpg.json"), endpoints);

    assertThat(image.requireMaxSize(2L << 20)).isSameAs(image);
  }

  @Test
  void requireMaxSizeRejectsLargerFile() {
    FilesReader image = FilesReader.of(Fixtures.event("invocation-image-jpg.json"), endpoints);

    assertThatThrownBy(() -> image.requireMaxSize((2L << 20) - 1))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_SIZE))
        .hasMessageContaining("has 2097152 bytes; the skill accepts at most 2097151 bytes");
  }

  @Test
  void requireMaxSizeRejectsUnknownSize() {
    SkillsRequest noSize =
        parse(
            Fixtures.text("events/invocation-audio-mp3.json")
                .replaceFirst(",\\s*\"size\": 5243013", ""));

    assertThatThrownBy(() -> FilesReader.of(noSize, endpoints).requireMaxSize(50L << 20))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_SIZE))
        .hasMessageContaining("does not state the size");
  }

  @Test
  void openContentFollowsRedirectWithoutToken() throws IOException {
    box.on("GET", CONTENT_PATH, redirect(downloads.base() + "/d/1/fake-opaque/download?sig=xyz"));
    downloads.on("GET", "/d/1/fake-opaque/download", bytes(200, "hello".getBytes()));

    try (InputStream in = reader.openContent()) {
      assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
    }

    Recorded api = box.requests().get(0);
    assertThat(api.target()).isEqualTo("GET " + CONTENT_PATH + "?version=1523004005006");
    assertThat(api.header("Authorization")).isEqualTo("Bearer " + Fixtures.AUDIO_READ_TOKEN);
    Recorded download = downloads.requests().get(0);
    assertThat(download.target()).isEqualTo("GET /d/1/fake-opaque/download?sig=xyz");
    assertThat(download.header("Authorization")).isNull();
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void openContentReadsDirectAnswer() throws IOException {
    box.on("GET", CONTENT_PATH, bytes(200, "direct".getBytes()));

    try (InputStream in = reader.openContent()) {
      assertThat(in.readAllBytes()).isEqualTo("direct".getBytes());
    }
  }

  @Test
  void openContentWaitsOutAcceptedWithRetryAfter() throws IOException {
    box.on(
        "GET",
        CONTENT_PATH,
        empty(202, "Retry-After", "2"),
        redirect(downloads.base() + "/d/1/fake-opaque/download"));
    downloads.on("GET", "/d/1/fake-opaque/download", bytes(200, "hello".getBytes()));

    try (InputStream in = reader.openContent()) {
      assertThat(in.readAllBytes()).isEqualTo("hello".getBytes());
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(2));
    assertThat(box.requests()).hasSize(2);
  }

  @Test
  void acceptedWithoutRetryAfterBacksOff() throws IOException {
    box.on("GET", CONTENT_PATH, empty(202), bytes(200, "ready".getBytes()));

    try (InputStream in = reader.openContent()) {
      assertThat(in.readAllBytes()).isEqualTo("ready".getBytes());
    }

    assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1));
  }

  @Test
  void contentNeverReadyFailsTransiently() {
    box.on("GET", CONTENT_PATH, empty(202, "Retry-After", "2"));

    assertThatThrownBy(reader::openContent)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(202);
              assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT);
              assertThat(e.attempts()).isEqualTo(5);
            })
        .hasMessage(
            "Box was still preparing the content for GET "
                + CONTENT_PATH
                + " after 5 attempts: it kept responding 202 Accepted. Try again later.");
    assertThat(box.requests()).hasSize(5);
    assertThat(time.sleeps()).hasSize(4);
  }

  @Test
  void truncatedBodyFailsOnRead() {
    box.on(
        "GET",
        CONTENT_PATH,
        (exchange, recorded) -> {
          exchange.sendResponseHeaders(200, 1000);
          OutputStream out = exchange.getResponseBody();
          out.write(new byte[400]);
          out.flush();
          // Closing the exchange with bytes missing makes the server drop the connection.
        });

    assertThatThrownBy(
            () -> {
              try (InputStream in = reader.openContent()) {
                in.readAllBytes();
              }
            })
        .isInstanceOfSatisfying(
            ContentTruncatedException.class,
            e -> {
              assertThat(e.expectedBytes()).isEqualTo(1000);
              assertThat(e.receivedBytes()).isEqualTo(400);
            })
        .hasMessage(
            "Download of file 1402003004005 ended after 400 of the 1000 bytes Box announced; the"
                + " content is incomplete. Try the download again.");
  }

  @Test
  void chunkedBodyCutMidChunkFailsOnRead() throws Exception {
    try (java.net.ServerSocket raw =
            new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress());
        BoxEndpoints rawEndpoints =
            BoxEndpoints.builder(java.net.URI.create("http://127.0.0.1:" + raw.getLocalPort()))
                .sleeper(time)
                .clock(time)
                .build()) {
      Thread server =
          new Thread(
              () -> {
                try (java.net.Socket socket = raw.accept()) {
                  socket.getInputStream().read(new byte[8192]);
                  OutputStream out = socket.getOutputStream();
                  // Announces a chunk of 0x190 = 400 bytes, sends 200 of them, then closes.
                  out.write(
                      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n190\r\n"
                          .getBytes(StandardCharsets.US_ASCII));
                  out.write(new byte[200]);
                  out.flush();
                } catch (IOException e) {
                  // The test fails on its own assertions if the server could not respond.
                }
              });
      server.start();

      assertThatThrownBy(
              () -> {
                try (InputStream in = FilesReader.of(request, rawEndpoints).openContent()) {
                  in.readAllBytes();
                }
              })
          .isInstanceOfSatisfying(
              ContentTruncatedException.class,
              e -> {
                assertThat(e.expectedBytes()).isEqualTo(-1);
                assertThat(e.receivedBytes()).isEqualTo(200);
              })
          .hasMessage(
              "Download of file 1402003004005 ended after 200 bytes, before the end of the"
                  + " chunked body Box was sending; the content is incomplete. Try the download"
                  + " again.");
      server.join(5_000);
    }
  }

  @Test
  void contentBytesReturnsSmallFile() {
    box.on("GET", CONTENT_PATH, bytes(200, "small".getBytes()));

    assertThat(reader.contentBytes(50L << 20)).isEqualTo("small".getBytes());
  }

  @Test
  void contentBytesRejectsFileAboveCapBeforeDownloading() {
    assertThatThrownBy(() -> reader.contentBytes(1000))
        .isInstanceOfSatisfying(
            FileRejectedException.class,
            e -> assertThat(e.skillsError()).isEqualTo(SkillsError.INVALID_FILE_SIZE))
        .hasMessage(
            "File 1402003004005 has at least 5243013 bytes, more than the 1000 bytes allowed in"
                + " memory. Stream it with openContent() instead.");
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void contentBytesRejectsBodyAboveCap() {
    box.on("GET", CONTENT_PATH, bytes(200, new byte[6_000_000]));

    assertThatThrownBy(() -> reader.contentBytes(5_500_000))
        .isInstanceOf(FileRejectedException.class)
        .hasMessageContaining("has at least 6000000 bytes");
  }

  @Test
  void contentBase64EncodesWholeFile() {
    byte[] content = randomBytes(100_003);
    box.on("GET", CONTENT_PATH, bytes(200, content));

    assertThat(reader.contentBase64(50L << 20))
        .isEqualTo(Base64.getEncoder().encodeToString(content));
  }

  @Test
  void openContentBase64StreamsSameText() throws IOException {
    byte[] content = randomBytes(200_002);
    box.on("GET", CONTENT_PATH, bytes(200, content));

    try (InputStream in = reader.openContentBase64()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
          .isEqualTo(Base64.getEncoder().encodeToString(content));
    }
  }

  @Test
  void downloadUrlReturnsLocationWithoutFollowing() {
    String location = downloads.base() + "/d/1/fake-opaque/download?sig=secret-signature";
    box.on("GET", CONTENT_PATH, redirect(location));

    DownloadUrl url = reader.downloadUrl();

    assertThat(url.uri().toString()).isEqualTo(location);
    assertThat(url.toString()).isEqualTo("DownloadUrl[http://127.0.0.1/***]");
    assertThat(downloads.requests()).isEmpty();
  }

  @Test
  void expiredReadTokenFailsWithoutCall() {
    time.advance(Duration.ofDays(2));

    assertThatThrownBy(reader::openContent)
        .isInstanceOfSatisfying(
            TokenExpiredException.class,
            e -> {
              assertThat(e.tokenName()).isEqualTo("read");
              assertThat(e.statusCode()).isEmpty();
              assertThat(e.fileId()).isEqualTo("1402003004005");
            })
        .hasMessageNotContaining(Fixtures.AUDIO_READ_TOKEN);
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void rejectedReadTokenFailsWithoutRetry() {
    box.on(
        "GET",
        CONTENT_PATH,
        empty(
            401,
            "WWW-Authenticate",
            "Bearer realm=\"Service\", error=\"invalid_token\"",
            "BOX-REQUEST-ID",
            "fakereq0401expired0001"));

    assertThatThrownBy(reader::openContent)
        .isInstanceOfSatisfying(
            TokenExpiredException.class,
            e -> {
              assertThat(e.statusCode()).hasValue(401);
              assertThat(e.boxRequestId()).contains("fakereq0401expired0001");
            });
    assertThat(box.requests()).hasSize(1);
  }

  @Test
  void missingFileGivesBoxError() {
    box.on("GET", CONTENT_PATH, json(404, Fixtures.text("errors/404-not-found.json")));

    assertThatThrownBy(reader::openContent)
        .isInstanceOfSatisfying(
            BoxCallException.class,
            e -> {
              assertThat(e.statusCode()).isEqualTo(404);
              assertThat(e.boxErrorCode()).contains("not_found");
              assertThat(e.boxRequestId()).contains("fakereq0404d0e1f2");
              assertThat(e.failureType()).isEqualTo(FailureType.PERMANENT);
            })
        .hasMessage(
            "Box found nothing at GET "
                + CONTENT_PATH
                + " (HTTP 404, code not_found, Box request id fakereq0404d0e1f2): the file may"
                + " have been deleted or moved out of the skill's reach. Retrying will not help.");
  }

  @Test
  void toStringShowsIdsOnly() {
    assertThat(reader.toString())
        .contains("1402003004005")
        .doesNotContain(Fixtures.AUDIO_READ_TOKEN);
  }

  private SkillsRequest parse(String body) {
    return SkillsRequest.parser()
        .clock(java.time.Clock.fixed(Fixtures.CARD_TIME, java.time.ZoneOffset.UTC))
        .build()
        .parse(body);
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(42).nextBytes(bytes);
    return bytes;
  }

  static List<String> targets(FakeBox fake) {
    return fake.requests().stream().map(Recorded::target).toList();
  }
}
