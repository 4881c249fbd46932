package io.skillskit.box;

import static io.skillskit.box.FakeBox.bytes;
import static io.skillskit.box.FakeBox.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BoxEndpointsTest {

  @Test
  void productionIsSharedAndPointsAtBox() {
    BoxEndpoints production = BoxEndpoints.production();

    assertThat(BoxEndpoints.production()).isSameAs(production);
    assertThat(production.baseUri()).isEqualTo(URI.create("https://api.box.com"));
    assertThat(production.networkSession().getBaseUrls().getBaseUrl())
        .isEqualTo("https://api.box.com");
  }

  @Test
  void closingProductionHasNoEffect() {
    BoxEndpoints.production().close();

    assertThat(BoxEndpoints.production().toString()).isEqualTo("BoxEndpoints[https://api.box.com]");
  }

  @Test
  void sendsTokensOnlyToBaseHostOrBoxHosts() {
    BoxEndpoints production = BoxEndpoints.production();
    try (BoxEndpoints emulator = BoxEndpoints.at(URI.create("http://127.0.0.1:8080"))) {

      assertThat(production.mayReceiveToken(HttpUrl.get("https://api.box.com/2.0/files/1")))
          .isTrue();
      assertThat(production.mayReceiveToken(HttpUrl.get("https://dl.boxcloud.com/api/2.0/x")))
          .isTrue();
      assertThat(production.mayReceiveToken(HttpUrl.get("https://public.boxcloud.com/x")))
          .isTrue();
      assertThat(production.mayReceiveToken(HttpUrl.get("http://dl.boxcloud.com/x"))).isFalse();
      assertThat(production.mayReceiveToken(HttpUrl.get("https://dl.boxcloud.com.example/x")))
          .isFalse();
      assertThat(production.mayReceiveToken(HttpUrl.get("https://notbox.com/x"))).isFalse();
      assertThat(production.mayReceiveToken(HttpUrl.get("https://files.example.com/x")))
          .isFalse();
      assertThat(emulator.mayReceiveToken(HttpUrl.get("http://127.0.0.1:9090/x"))).isTrue();
      assertThat(emulator.mayReceiveToken(HttpUrl.get("https://dl.boxcloud.com/x"))).isFalse();
      assertThat(emulator.mayReceiveToken(HttpUrl.get("http://localhost:8080/x"))).isFalse();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://127.0.0.1:8080",
        "http://127.10.20.30:8080/",
        "http://localhost:8080",
        "http://[::1]:8080",
        "https://box.example.com"
      })
  void acceptsHttpsAndLoopbackHttp(String uri) {
    try (BoxEndpoints endpoints = BoxEndpoints.at(URI.create(uri))) {
      assertThat(endpoints.baseUri().toString()).isEqualTo(uri.replaceAll("/$", ""));
    }
  }

  @Test
  void rejectsCleartextToOtherHost() {
    assertThatThrownBy(() -> BoxEndpoints.at(URI.create("http://box.example.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "base URL http://box.example.com uses plain http to a host that is not loopback; use"
                + " https, or call allowCleartext() on the builder if the network is trusted");
  }

  @Test
  void allowsCleartextWhenAsked() {
    try (BoxEndpoints endpoints =
        BoxEndpoints.builder(URI.create("http://box.internal.example:8080"))
            .allowCleartext()
            .build()) {
      assertThat(endpoints.toString())
          .isEqualTo("BoxEndpoints[http://box.internal.example:8080, cleartext allowed]");
    }
  }

  @Test
  void rejectsOtherSchemesAndPaths() {
    assertThatThrownBy(() -> BoxEndpoints.at(URI.create("ftp://127.0.0.1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "base URL ftp://127.0.0.1 has scheme 'ftp'; expected https, or http to loopback");
    assertThatThrownBy(() -> BoxEndpoints.at(URI.create("https://api.box.com/2.0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "base URL https://api.box.com/2.0 has path '/2.0'; expected none, because the kit"
                + " adds /2.0/... itself");
  }

  @Test
  void rejectsUserInfoWithoutEchoingIt() {
    assertThatThrownBy(() -> BoxEndpoints.at(URI.create("https://user:secret@api.box.com")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret");
    assertThatThrownBy(() -> BoxEndpoints.at(URI.create("https://api.box.com?access_token=abc")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("abc");
  }

  @Test
  void rejectsInvalidSettings() {
    BoxEndpoints.Builder builder = BoxEndpoints.builder(URI.create("http://127.0.0.1:1"));

    assertThatThrownBy(() -> builder.readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout is PT0S; expected more than zero");
    assertThatThrownBy(() -> builder.maxAttempts(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxAttempts is 0; expected at least 1");
    assertThatThrownBy(() -> builder.retryJitter(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("retryJitter is 1.5; expected 0 to 1");
    assertThatThrownBy(
            () -> builder.basicFormatPolling(Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("max poll delay PT1S is less than the initial delay PT5S");
  }

  @Test
  void closedEndpointsRejectCalls() {
    try (FakeBox box = new FakeBox()) {
      FakeTime time = new FakeTime(Fixtures.CARD_TIME);
      BoxEndpoints endpoints = BoxEndpoints.builder(box.uri()).clock(time).build();
      endpoints.close();

      assertThatThrownBy(() -> FilesReader.of(Fixtures.audioEvent(), endpoints).openContent())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is closed");
      assertThat(box.requests()).isEmpty();
    }
  }

  @Test
  void refusesCleartextRedirectToOtherHost() {
    try (FakeBox box = new FakeBox()) {
      FakeTime time = new FakeTime(Fixtures.CARD_TIME);
      box.on("GET", "/2.0/files/1402003004005/content", redirect("http://dl.example.com/d/1"));
      try (BoxEndpoints endpoints = BoxEndpoints.builder(box.uri()).clock(time).build()) {

        assertThatThrownBy(() -> FilesReader.of(Fixtures.audioEvent(), endpoints).openContent())
            .isInstanceOfSatisfying(
                BoxCallException.class,
                e -> assertThat(e.path()).isEqualTo(BoxHttp.DOWNLOAD_LOCATION))
            .hasMessageContaining("plain http to dl.example.com, which is not a loopback host")
            .hasMessageNotContaining("/d/1");
      }
    }
  }

  @Test
  void failsDownloadAfterReadTimeout() {
    try (FakeBox box = new FakeBox()) {
      FakeTime time = new FakeTime(Fixtures.CARD_TIME);
      box.on("GET", "/2.0/files/1402003004005/content", stall());
      try (BoxEndpoints endpoints =
          BoxEndpoints.builder(box.uri())
              .clock(time)
              .sleeper(time)
              .readTimeout(Duration.ofMillis(200))
              .maxAttempts(1)
              .build()) {

        assertThatThrownBy(() -> FilesReader.of(Fixtures.audioEvent(), endpoints).openContent())
            .isInstanceOfSatisfying(
                BoxCallException.class,
                e -> {
                  assertThat(e.statusCode()).isEqualTo(BoxCallException.NO_STATUS);
                  assertThat(e.failureType()).isEqualTo(FailureType.TRANSIENT);
                })
            .hasMessage(
                "GET /2.0/files/1402003004005/content failed after 1 attempt without a response"
                    + " from Box (SocketTimeoutException). Check the connection to 127.0.0.1 and"
                    + " try again later.");
      }
    }
  }

  @Test
  void failsApiCallAfterCallTimeout() {
    try (FakeBox box = new FakeBox()) {
      FakeTime time = new FakeTime(Fixtures.CARD_TIME);
      box.on("GET", "/2.0/files/1402003004005", stall());
      try (BoxEndpoints endpoints =
          BoxEndpoints.builder(box.uri())
              .clock(time)
              .sleeper(time)
              .callTimeout(Duration.ofMillis(200))
              .maxAttempts(1)
              .build()) {

        assertThatThrownBy(
                () ->
                    FilesReader.of(Fixtures.audioEvent(), endpoints)
                        .basicFormatUrl(Duration.ofSeconds(10)))
            .isInstanceOf(BoxCallException.class)
            .hasMessageStartingWith(
                "GET /2.0/files/1402003004005 failed after 1 attempt without a response from Box"
                    + " (InterruptedIOException).");
      }
    }
  }

  /** Returns a responder that responds only after the client has given up. */
  private static FakeBox.Responder stall() {
    return (exchange, request) -> {
      try {
        Thread.sleep(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      bytes(200, new byte[1]).respond(exchange, request);
    };
  }
}
