package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LocalBoxDownloadTest {

  private final TestClock clock = new TestClock(Instant.parse("2026-03-14T16:26:51Z"));
  private LocalBox box;

  @BeforeEach
  void startBox() {
    box = LocalBox.builder().clock(clock).start();
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void contentRedirectsWithoutBody() {
    LocalFile file = box.addFile("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());

    HttpResponse<byte[]> response = TestHttp.getBytes(contentUri(file, ""), grant.readToken());

    assertThat(response.statusCode()).isEqualTo(302);
    assertThat(response.body()).isEmpty();
    assertThat(response.headers().firstValue("Content-Length")).contains("0");
    assertThat(response.headers().firstValue("Location").orElseThrow())
        .startsWith(box.baseUri() + "/d/1/")
        .endsWith("/download");
  }

  @Test
  void downloadNeedsNoToken() {
    LocalFile file = box.addFile("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());

    URI location = redirect(file, grant, "");
    HttpResponse<byte[]> download = TestHttp.getBytes(location, null);

    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(new String(download.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
    assertThat(download.headers().firstValue("Content-Length")).contains("5");
  }

  @Test
  void downloadUrlExpires() {
    LocalFile file = box.addFile("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());

    URI location = redirect(file, grant, "");
    clock.advance(Duration.ofMinutes(15));
    HttpResponse<byte[]> download = TestHttp.getBytes(location, null);

    assertThat(download.statusCode()).isEqualTo(404);
    assertThat(
            Fixtures.parse(new String(download.body(), StandardCharsets.UTF_8))
                .get("code")
                .asText())
        .isEqualTo("not_found");
  }

  @Test
  void versionParameterSelectsAVersion() {
    LocalFile first = box.addFile("notes.txt", "first".getBytes(StandardCharsets.UTF_8));
    LocalFile second = box.addVersion(first.id(), FileContent.ofUtf8("second version"));
    InvocationGrant grant = box.invocationFor(first.id());

    String current = download(redirect(first, grant, ""));
    String old = download(redirect(first, grant, "?version=" + first.versionId()));
    HttpResponse<byte[]> unknown =
        TestHttp.getBytes(contentUri(first, "?version=1"), grant.readToken());

    assertThat(second.versionId()).isNotEqualTo(first.versionId());
    assertThat(grant.file().versionId()).isEqualTo(second.versionId());
    assertThat(current).isEqualTo("second version");
    assertThat(old).isEqualTo("first");
    assertThat(unknown.statusCode()).isEqualTo(404);
  }

  @Test
  void acceptedFaultPrecedesTheRedirect() {
    LocalFile file = box.addFile("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());
    Fault notReady =
        box.faults()
            .on(Method.GET, "/2.0/files/" + file.id() + "/content")
            .respond(202)
            .withRetryAfter("2")
            .times(2);

    HttpResponse<byte[]> first = TestHttp.getBytes(contentUri(file, ""), grant.readToken());
    HttpResponse<byte[]> second = TestHttp.getBytes(contentUri(file, ""), grant.readToken());
    HttpResponse<byte[]> third = TestHttp.getBytes(contentUri(file, ""), grant.readToken());

    assertThat(first.statusCode()).isEqualTo(202);
    assertThat(first.headers().firstValue("Retry-After")).contains("2");
    assertThat(first.body()).isEmpty();
    assertThat(second.statusCode()).isEqualTo(202);
    assertThat(third.statusCode()).isEqualTo(302);
    assertThat(notReady.hits()).isEqualTo(2);
  }

  @Test
  void cutOffDownloadDeliversFewerBytesThanAnnounced() throws Exception {
    LocalFile file = box.addFile("clip.mp4", FileContent.generated(100_000));
    InvocationGrant grant = box.invocationFor(file.id());
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(1000);

    URI location = redirect(file, grant, "");
    HttpResponse<InputStream> response =
        TestHttp.CLIENT.send(
            TestHttp.request(location, null).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long[] received = new long[1];
    Throwable failure =
        catchThrowable(
            () -> {
              try (InputStream in = response.body()) {
                byte[] buffer = new byte[8192];
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                  received[0] += read;
                }
              }
            });

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Length")).contains("100000");
    assertThat(failure).isInstanceOf(IOException.class);
    assertThat(received[0]).isEqualTo(1000);
  }

  @Test
  void largeGeneratedFileStreamsWhole() throws Exception {
    long size = 256L * 1024 * 1024 + 7;
    LocalFile file = box.addFile("long-meeting.mp4", FileContent.generated(size));
    InvocationGrant grant = box.invocationFor(file.id());

    URI location = redirect(file, grant, "");
    HttpResponse<InputStream> response =
        TestHttp.CLIENT.send(
            TestHttp.request(location, null).GET().build(),
            HttpResponse.BodyHandlers.ofInputStream());
    long count = 0;
    int mismatches = 0;
    try (InputStream in = response.body()) {
      byte[] buffer = new byte[256 * 1024];
      for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
        // Checks the first byte of each read, which covers every region of the file.
        if ((buffer[0] & 0xFF) != FileContent.generatedByteAt(count)) {
          mismatches++;
        }
        count += read;
      }
    }

    assertThat(response.headers().firstValue("Content-Length")).contains(String.valueOf(size));
    assertThat(count).isEqualTo(size);
    assertThat(mismatches).isZero();
  }

  @Test
  void contentOfUnknownFileIsNotFound() {
    LocalFile file = box.addFile("hello.txt", "hello".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());

    HttpResponse<String> response = TestHttp.get(box, "/2.0/files/1/content", grant.readToken());

    assertThat(response.statusCode()).isEqualTo(404);
    JsonNode body = Fixtures.parse(response.body());
    assertThat(body.at("/context_info/errors/0/message").asText()).contains("f_1");
  }

  private URI contentUri(LocalFile file, String query) {
    return URI.create(box.baseUri() + "/2.0/files/" + file.id() + "/content" + query);
  }

  private URI redirect(LocalFile file, InvocationGrant grant, String query) {
    HttpResponse<byte[]> response = TestHttp.getBytes(contentUri(file, query), grant.readToken());
    assertThat(response.statusCode()).isEqualTo(302);
    return URI.create(response.headers().firstValue("Location").orElseThrow());
  }

  private static String download(URI location) {
    HttpResponse<byte[]> response = TestHttp.getBytes(location, null);
    assertThat(response.statusCode()).isEqualTo(200);
    return new String(response.body(), StandardCharsets.UTF_8);
  }
}
