package io.skillskit.box;

import static io.skillskit.box.FakeBox.bytes;
import static io.skillskit.box.FakeBox.empty;
import static io.skillskit.box.FakeBox.json;
import static io.skillskit.box.FakeBox.redirect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import io.skillskit.cards.SkillsError;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Runs a whole invocation with every logger at TRACE and looks for secrets in the output. */
class LoggingTest {

  private static final String SECRET_PATH = "/d/1/secret-presigned-path/download";
  private static final String SECRET_QUERY = "signature=presigned-signature-value";

  private final FakeBox box = new FakeBox();
  private final FakeBox downloads = new FakeBox();
  private final FakeTime time = new FakeTime(Fixtures.CARD_TIME);
  private final BoxEndpoints endpoints =
      BoxEndpoints.builder(box.uri()).sleeper(time).clock(time).retryJitter(0).build();
  private final SkillsRequest request = Fixtures.audioEvent();
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private Level rootLevel;

  @BeforeEach
  void captureLogs() {
    rootLevel = root.getLevel();
    root.setLevel(Level.TRACE);
    appender.start();
    root.addAppender(appender);
  }

  @AfterEach
  void stop() {
    root.detachAppender(appender);
    root.setLevel(rootLevel);
    endpoints.close();
    box.close();
    downloads.close();
  }

  @Test
  void invocationLogsNoSecret() throws IOException {
    String location = downloads.base() + SECRET_PATH + "?" + SECRET_QUERY;
    String infoPath =
        "/2.0/internal_files/1402003004005/versions/1523004005006/representations/mp3";
    box.on(
        "PUT",
        "/2.0/skill_invocations/10027",
        json(429, Fixtures.text("errors/429-rate-limit-exceeded.json"), "Retry-After", "1"),
        empty(200, "BOX-REQUEST-ID", "fakereq-put-ok"));
    box.on("GET", "/2.0/files/1402003004005/content", redirect(location));
    downloads.on("GET", SECRET_PATH, bytes(200, "audio bytes".getBytes()));
    box.on(
        "GET",
        "/2.0/files/1402003004005",
        json(
            200,
            Fixtures.text("responses/file-representations-extracted-text-none.json")
                .replace("1402003004111", "1402003004005")
                .replace("extracted_text", "mp3")
                .replace("1523004005117", "1523004005006")
                .replace("https://api.box.com", box.base())
                .replace("https://dl.boxcloud.com", downloads.base())));
    box.on("GET", infoPath, json(200, "{\"status\":{\"state\":\"success\"}}"));
    downloads.on(
        "GET",
        "/api/2.0/internal_files/1402003004005/versions/1523004005006/representations/mp3/content/",
        bytes(200, "mp3".getBytes()));
    List<String> texts = new ArrayList<>();

    try (MDC.MDCCloseable c = MDC.putCloseable(SkillsWriter.MDC_INVOCATION_ID, request.id())) {
      SkillsWriter writer = SkillsWriter.of(request, endpoints);
      FilesReader reader = FilesReader.of(request, endpoints);
      writer.saveProcessingCard();
      try (InputStream in = reader.openContent()) {
        in.readAllBytes();
      }
      DownloadUrl url = reader.downloadUrl();
      try (InputStream in = reader.openBasicFormat(Duration.ofMinutes(1))) {
        in.readAllBytes();
      }
      writer.saveDataCards(List.of(Fixtures.keywordCard(request)));
      box.replace("GET", "/2.0/files/1402003004005/content", empty(401));
      Throwable rejected = catchThrowable(reader::openContent);
      assertThat(rejected).isInstanceOf(TokenExpiredException.class);
      texts.add(String.valueOf(rejected));
      texts.addAll(List.of(writer.toString(), reader.toString(), url.toString()));
      texts.addAll(
          List.of(request.toString(), request.readToken().toString(), endpoints.toString()));
    }

    for (ILoggingEvent event : appender.list) {
      texts.add(event.getFormattedMessage());
      texts.add(String.valueOf(event.getMDCPropertyMap()));
      if (event.getThrowableProxy() != null) {
        texts.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
      }
    }
    assertThat(appender.list).isNotEmpty();
    for (String text : texts) {
      assertThat(text)
          .doesNotContain(Fixtures.AUDIO_READ_TOKEN)
          .doesNotContain(Fixtures.AUDIO_WRITE_TOKEN)
          .doesNotContain("FAKE-READ-TOKEN")
          .doesNotContain("FAKE-WRITE-TOKEN")
          .doesNotContain("access_token")
          .doesNotContain("secret-presigned-path")
          .doesNotContain("presigned-signature-value")
          .doesNotContain("fakeclientid0000skillsfixture001");
    }
    for (FakeBox.Recorded sent : concat(box.requests(), downloads.requests())) {
      assertThat(sent.target()).doesNotContain("access_token");
    }
  }

  @Test
  void callsAreLoggedAtDebugWithIds() {
    box.on("PUT", "/2.0/skill_invocations/10027", empty(200, "BOX-REQUEST-ID", "fakereq-put-ok"));

    try (MDC.MDCCloseable c = MDC.putCloseable(SkillsWriter.MDC_INVOCATION_ID, request.id())) {
      SkillsWriter.of(request, endpoints).saveErrorCard(SkillsError.UNKNOWN);
    }

    ILoggingEvent call =
        appender.list.stream()
            .filter(event -> event.getLoggerName().equals(BoxHttp.class.getName()))
            .findFirst()
            .orElseThrow();
    assertThat(call.getLevel()).isEqualTo(Level.DEBUG);
    assertThat(call.getFormattedMessage())
        .isEqualTo(
            "Box call PUT /2.0/skill_invocations/10027 returned HTTP 200 on attempt 1,"
                + " box-request-id fakereq-put-ok");
    assertThat(call.getMDCPropertyMap()).containsEntry("skillsInvocationId", request.id());
    assertThat(appender.list)
        .filteredOn(event -> event.getLoggerName().startsWith("io.skillskit"))
        .allSatisfy(event -> assertThat(event.getLevel()).isEqualTo(Level.DEBUG));
  }

  private static List<FakeBox.Recorded> concat(
      List<FakeBox.Recorded> first, List<FakeBox.Recorded> second) {
    List<FakeBox.Recorded> all = new ArrayList<>(first);
    all.addAll(second);
    return all;
  }
}
