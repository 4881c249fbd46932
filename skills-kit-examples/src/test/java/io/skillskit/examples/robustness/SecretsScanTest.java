package io.skillskit.examples.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.DownloadUrl;
import io.skillskit.box.FilesReader;
import io.skillskit.box.SkillsWriter;
import io.skillskit.cards.KeywordCard;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.handlers.jdk.JdkSkillServer;
import io.skillskit.examples.handlers.lambda.SkillLambdaHandler;
import io.skillskit.examples.handlers.servlet.JettySkillServer;
import io.skillskit.examples.localbox.Fault;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.localbox.RecordedRequest;
import io.skillskit.examples.localbox.SkillApp;
import io.skillskit.examples.pipeline.InvocationTracker;
import io.skillskit.examples.pipeline.SkillPipeline;
import io.skillskit.examples.samples.SampleFile;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.DeliveryAttempt;
import io.skillskit.examples.sender.DeliveryOptions;
import io.skillskit.examples.sender.DeliveryResult;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.sender.InvocationSender;
import io.skillskit.examples.skills.SkillRouter;
import io.skillskit.request.SkillsRequest;
import io.skillskit.signature.SignatureGenerator;
import io.skillskit.signature.SignatureValidator;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the kit's reader and writer flows and whole invocations through the JDK, Jetty and Lambda
 * hosts, with faults, using known token, key and API key values. Every log line (DEBUG and up, the
 * kit's own at TRACE), every exception message with its causes, every {@code toString()} of the
 * objects the flows touch, and every response the hosts send back is then scanned for those values,
 * for URLs that carry a token and for LocalBox download paths.
 */
class SecretsScanTest {

  private static final String PRIMARY_KEY = "ScanPrimaryKey0123456789abcdefghij";
  private static final String SECONDARY_KEY = "ScanSecondaryKey0123456789abcdefgh";
  private static final String API_KEY = "scanclientid00000000000000000001";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private final Scan scan = new Scan();
  private LogLines logs;
  private LocalBox box;

  @BeforeEach
  void start() {
    Secrets.register(PRIMARY_KEY, "a signing key");
    Secrets.register(SECONDARY_KEY, "a signing key");
    Secrets.register(API_KEY, "a skill API key");
    logs = LogLines.capture();
    box = LocalBox.builder().skill(new SkillApp("20001", "Scan Skill", API_KEY)).start();
  }

  @AfterEach
  void stop() {
    Tally.add(Tally.FAULTS, box.faults().installed().stream().mapToInt(Fault::hits).sum());
    box.close();
    logs.close();
  }

  @Test
  void scanFindsEachKindOfSecret() {
    InvocationGrant grant = grantFor(add(SampleFiles.captionsVtt()));
    String downloadPath = "/d/1/" + "a".repeat(43) + "/download";

    assertThat(Secrets.find("Authorization: Bearer " + grant.readToken())).isNotNull();
    assertThat(Secrets.find("{\"token\":\"" + grant.writeToken() + "\"}")).isNotNull();
    assertThat(Secrets.find("minted 1!" + "A".repeat(32) + "." + "b".repeat(16))).isNotNull();
    assertThat(Secrets.find("key=" + PRIMARY_KEY)).isNotNull();
    assertThat(Secrets.find("api_key " + API_KEY)).isNotNull();
    assertThat(Secrets.find("GET " + downloadPath)).isNotNull();
    assertThat(Secrets.find("https://dl.example.test/x?access_token=abc123")).isNotNull();
    assertThat(Secrets.find("GET /d/1/***/download Bearer *** access_token=***")).isNull();
    assertThat(Secrets.find(grant.toString())).isNull();
  }

  @Test
  void readerAndWriterFlows() throws Exception {
    LocalFile notes = add(SampleFiles.meetingNotesText());
    InvocationGrant grant = grantFor(notes);
    SkillsRequest request = SkillsRequest.parse(InvocationEvent.builder(grant).build().body());
    FakeTime time = new FakeTime(Instant.now());
    BoxEndpoints endpoints =
        BoxEndpoints.builder(box.baseUri())
            .sleeper(time)
            .clock(time)
            .readTimeout(Duration.ofMillis(300))
            .basicFormatPolling(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
    SkillsWriter writer = SkillsWriter.of(request, endpoints);
    FilesReader reader = FilesReader.of(request, endpoints);

    box.faults().on(Method.PUT, "/2.0/skill_invocations/").respond(429).withRetryAfter("1");
    writer.saveProcessingCard();
    try (InputStream in = reader.openContent()) {
      in.readAllBytes();
    }
    scan.object("content Base64", reader.contentBase64(1 << 20).length());
    try (InputStream in = reader.openContentBase64()) {
      in.readAllBytes();
    }
    DownloadUrl downloadUrl = reader.downloadUrl();
    Secrets.register(downloadUrl.uri().toString(), "a download URL");
    Secrets.register(downloadUrl.uri().getRawPath(), "a download path");
    try (InputStream in = reader.openBasicFormat(WAIT)) {
      in.readAllBytes();
    }
    scan.object("basic format URL", reader.basicFormatUrl(WAIT));

    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(10);
    scan.thrown("cut-off download", catchThrowable(() -> reader.contentBytes(1 << 20)));
    box.faults().on(Method.GET, "/2.0/files/").respond(503).times(5);
    scan.thrown("5xx burst", catchThrowable(() -> reader.contentBytes(1 << 20)));
    box.faults().on(Method.GET, "/2.0/files/").delay(Duration.ofSeconds(2)).times(5);
    scan.thrown("slow responses", catchThrowable(() -> reader.contentBytes(1 << 20)));

    KeywordCard card = KeywordCard.builder(request).title("Topics").addEntry("budget").build();
    box.seedCards(notes.id(), List.of());
    writer.saveToMetadata(List.of(card));
    box.faults().on(Method.PUT, "/2.0/files/").respond(409);
    scan.thrown("409 on replace", catchThrowable(() -> writer.saveToMetadata(List.of(card))));
    writer.saveDataCards(List.of(card));
    box.expireToken(grant.readToken());
    scan.thrown("expired read token", catchThrowable(reader::openContent));
    box.expireToken(grant.writeToken());
    scan.thrown(
        "expired write token",
        catchThrowable(() -> writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR, "Quota used")));
    scan.thrown(
        "write after a 401",
        catchThrowable(() -> writer.saveErrorCard(SkillsError.INVOCATIONS_ERROR)));
    time.sleep(Duration.ofDays(3));
    scan.thrown("token past its expiry", catchThrowable(reader::openContent));

    scan.objects(
        "kit objects",
        request,
        request.readToken(),
        request.writeToken(),
        request.skill(),
        request.file(),
        reader,
        writer,
        endpoints,
        downloadUrl,
        card,
        grant,
        notes);
    endpoints.close();
    scanBox();

    scan.assertClean(logs);
    assertThat(downloadUrl.uri().getRawPath()).startsWith(LocalBox.DOWNLOAD_PREFIX);
  }

  @Test
  void parsingAndSignatures() {
    byte[] body = Events.template(true).write().getBytes(StandardCharsets.UTF_8);
    SkillsRequest request = SkillsRequest.parse(body);
    SignatureValidator validator =
        SignatureValidator.builder().primaryKey(PRIMARY_KEY).secondaryKey(SECONDARY_KEY).build();
    SignatureGenerator generator = SignatureGenerator.of(PRIMARY_KEY, SECONDARY_KEY);
    Map<String, String> headers =
        new LinkedHashMap<>(generator.headers(body, "2024-05-01T10:00:00-07:00"));
    headers.put("box-signature-version", PRIMARY_KEY);
    headers.put("box-signature-primary", SECONDARY_KEY);

    scan.thrown("old and odd headers", catchThrowable(() -> validator.verify(body, headers)));
    scan.thrown(
        "token as the event type",
        catchThrowable(
            () ->
                SkillsRequest.parse(
                    new String(body, StandardCharsets.UTF_8)
                        .replace(
                            "\"type\":\"skill_invocation\"",
                            "\"type\":\"" + Events.READ_TOKEN + "\""))));
    scan.thrown(
        "token as a number field",
        catchThrowable(
            () ->
                SkillsRequest.parse(
                    new String(body, StandardCharsets.UTF_8)
                        .replace(
                            "\"size\":5368709120", "\"size\":\"" + Events.WRITE_TOKEN + "\""))));
    scan.thrown(
        "blank key",
        catchThrowable(() -> SignatureValidator.builder().primaryKey(" " + PRIMARY_KEY)));
    scan.objects("signature objects", request, validator, generator, validator.toString());
    validator.isValid(body, headers);

    scan.assertClean(logs);
  }

  @Test
  void jdkHost() throws Exception {
    runHost(
        pipeline -> {
          JdkSkillServer server = JdkSkillServer.start(pipeline);
          scan.object("JDK server", server);
          return new Host(null, server.uri(), server::close);
        });
  }

  @Test
  void jettyHost() throws Exception {
    runHost(
        pipeline -> {
          JettySkillServer server = JettySkillServer.start(pipeline);
          scan.object("Jetty server", server);
          return new Host(null, server.uri(), server::close);
        });
  }

  @Test
  void lambdaHost() throws Exception {
    runHost(
        pipeline -> {
          SkillLambdaHandler handler = new SkillLambdaHandler(pipeline, Duration.ofSeconds(2));
          return new Host(
              delivery -> {
                APIGatewayProxyRequestEvent event =
                    new APIGatewayProxyRequestEvent()
                        .withHttpMethod("POST")
                        .withHeaders(delivery.headers)
                        .withBody(new String(delivery.body, StandardCharsets.UTF_8))
                        .withIsBase64Encoded(false);
                APIGatewayProxyResponseEvent response =
                    handler.handleRequest(event, new ScanContext(scan));
                scan.object("Lambda response", response);
                return response.getStatusCode();
              },
              null,
              () -> {});
        });
  }

  /** A host under test: either a URL the sender posts to, or a function that takes a delivery. */
  private record Host(Function<Delivery, Integer> direct, URI uri, Runnable close) {}

  /** A signed delivery for a host that is called directly. */
  private record Delivery(byte[] body, Map<String, String> headers) {}

  private void runHost(Function<SkillPipeline, Host> start) throws Exception {
    InvocationTracker tracker = new InvocationTracker();
    BoxEndpoints endpoints =
        BoxEndpoints.builder(box.baseUri())
            .sleeper(duration -> {})
            .basicFormatPolling(Duration.ofMillis(1), Duration.ofMillis(5))
            .build();
    SkillPipeline pipeline =
        SkillPipeline.builder()
            .signingKeys(PRIMARY_KEY, SECONDARY_KEY)
            .endpoints(endpoints)
            .skill(SkillRouter.withExamples())
            .listener(tracker)
            .sleeper(duration -> {})
            .build();
    Host host = start.apply(pipeline);
    InvocationSender sender =
        InvocationSender.builder().primaryKey(PRIMARY_KEY).secondaryKey(SECONDARY_KEY).build();

    // A success, a duplicate, an unsupported file, a cut-off download, expired tokens.
    InvocationEvent vtt = event(add(SampleFiles.captionsVtt()));
    deliver(host, sender, vtt, PRIMARY_KEY, false);
    deliver(host, sender, vtt, PRIMARY_KEY, false);
    InvocationEvent unsupported = event(add(SampleFiles.unsupportedFile()));
    deliver(host, sender, unsupported, PRIMARY_KEY, false);
    box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).cutOffAfter(5).always();
    InvocationEvent cut = event(add(SampleFiles.captionsSrt()));
    deliver(host, sender, cut, PRIMARY_KEY, false);
    for (InvocationEvent event : List.of(vtt, unsupported, cut)) {
      scan.object("outcome", tracker.await(event.invocationId(), WAIT));
    }
    box.faults().clear();
    box.faults().on(Method.GET, "/2.0/files/").expireTokens();
    InvocationEvent expired = event(add(SampleFiles.meetingNotesText()));
    deliver(host, sender, expired, PRIMARY_KEY, false);
    scan.object("outcome", tracker.await(expired.invocationId(), WAIT));
    box.faults().clear();

    // Deliveries the pipeline rejects: a wrong key, a changed body, and a signed body whose
    // event type is a token.
    InvocationEvent other = event(add(SampleFiles.captionsVtt()));
    deliver(host, sender, other, SECONDARY_KEY, false);
    deliver(host, sender, other, PRIMARY_KEY, true);
    String tokenAsType =
        other
            .bodyAsString()
            .replaceFirst(
                "\"type\":\"skill_invocation\"", "\"type\":\"" + grantToken(other) + "\"");
    deliver(
        host,
        sender,
        InvocationEvent.ofBody(tokenAsType.getBytes(StandardCharsets.UTF_8)),
        PRIMARY_KEY,
        false);

    host.close().run();
    pipeline.close();
    endpoints.close();
    scan.objects("host objects", pipeline, sender, endpoints, tracker.finished());
    scanBox();
    scan.assertClean(logs);
  }

  /** Delivers an event signed with a primary key, its body changed after signing if asked. */
  private void deliver(
      Host host, InvocationSender sender, InvocationEvent event, String primaryKey, boolean tamper)
      throws InterruptedException {
    scan.object("event", event);
    if (host.direct() == null) {
      DeliveryOptions.Builder options =
          DeliveryOptions.builder().signWith(primaryKey, null).noRedelivery();
      if (tamper) {
        options.tamperBody();
      }
      DeliveryResult result = sender.send(host.uri(), event, options.build());
      scan.object("delivery", result);
      for (DeliveryAttempt attempt : result.attempts()) {
        scan.text("response body", attempt.responseBody());
        scan.text("delivery failure", attempt.failure());
      }
      return;
    }
    Map<String, String> headers =
        SignatureGenerator.of(primaryKey).headers(event.body(), OffsetDateTime.now());
    byte[] body = event.body();
    if (tamper) {
      body = (new String(body, StandardCharsets.UTF_8) + " ").getBytes(StandardCharsets.UTF_8);
    }
    scan.object("status", host.direct().apply(new Delivery(body, headers)));
  }

  private String grantToken(InvocationEvent event) {
    return SkillsRequest.parse(event.body()).readToken().value();
  }

  private LocalFile add(SampleFile sample) {
    return box.addFile(sample.fileName(), sample.content());
  }

  private InvocationGrant grantFor(LocalFile file) {
    InvocationGrant grant = box.invocationFor(file.id());
    Secrets.register(grant.readToken(), "a read token");
    Secrets.register(grant.writeToken(), "a write token");
    return grant;
  }

  private InvocationEvent event(LocalFile file) {
    return InvocationEvent.builder(grantFor(file)).build();
  }

  /** Adds what LocalBox recorded and shows: each request, fault and the box itself. */
  private void scanBox() {
    List<RecordedRequest> requests = box.requests();
    assertThat(requests).isNotEmpty();
    for (RecordedRequest request : requests) {
      scan.object("recorded request", request);
      assertThat(request.queryParameters("access_token")).isEmpty();
    }
    scan.objects("LocalBox", box, box.skill(), box.faults().installed());
  }

  /** Texts to scan, each with where it came from. */
  private static final class Scan {
    private final List<Map.Entry<String, String>> texts =
        Collections.synchronizedList(new ArrayList<>());

    void text(String where, String text) {
      texts.add(Map.entry(where, text == null ? "" : text));
    }

    void object(String where, Object value) {
      text(where, String.valueOf(value));
    }

    void objects(String where, Object... values) {
      for (Object value : values) {
        object(where, value);
      }
    }

    /** Adds an exception's text, stack trace, causes and suppressed exceptions. */
    void thrown(String where, Throwable thrown) {
      assertThat(thrown).as("expected failure of " + where).isNotNull();
      Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Throwable> pending = new ArrayList<>(List.of(thrown));
      while (!pending.isEmpty()) {
        Throwable current = pending.remove(pending.size() - 1);
        if (!seen.add(current)) {
          continue;
        }
        text(where, current.toString());
        text(where, current.getMessage());
        StringWriter trace = new StringWriter();
        current.printStackTrace(new PrintWriter(trace));
        text(where, trace.toString());
        if (current.getCause() != null) {
          pending.add(current.getCause());
        }
        pending.addAll(List.of(current.getSuppressed()));
      }
    }

    void assertClean(LogLines logs) {
      List<String> lines = logs.texts();
      assertThat(logs.count()).as("log lines captured").isPositive();
      for (String line : lines) {
        assertThat(Secrets.find(line)).as("secret in a log line").isNull();
      }
      for (Map.Entry<String, String> text : List.copyOf(texts)) {
        assertThat(Secrets.find(text.getValue())).as("secret in " + text.getKey()).isNull();
      }
      Tally.add(Tally.TEXTS, texts.size());
    }
  }

  /** A Lambda context with 30 seconds left whose logger adds every line to the scan. */
  private record ScanContext(Scan scan) implements Context {
    @Override
    public String getAwsRequestId() {
      return "scan-request";
    }

    @Override
    public String getLogGroupName() {
      return "/aws/lambda/skill";
    }

    @Override
    public String getLogStreamName() {
      return "stream";
    }

    @Override
    public String getFunctionName() {
      return "skill";
    }

    @Override
    public String getFunctionVersion() {
      return "$LATEST";
    }

    @Override
    public String getInvokedFunctionArn() {
      return "arn:aws:lambda:us-east-1:000000000000:function:skill";
    }

    @Override
    public CognitoIdentity getIdentity() {
      return null;
    }

    @Override
    public ClientContext getClientContext() {
      return null;
    }

    @Override
    public int getRemainingTimeInMillis() {
      return 30_000;
    }

    @Override
    public int getMemoryLimitInMB() {
      return 512;
    }

    @Override
    public LambdaLogger getLogger() {
      return new LambdaLogger() {
        @Override
        public void log(String message) {
          scan.text("Lambda log", message);
        }

        @Override
        public void log(byte[] message) {
          scan.text("Lambda log", new String(message, StandardCharsets.UTF_8));
        }
      };
    }
  }
}
