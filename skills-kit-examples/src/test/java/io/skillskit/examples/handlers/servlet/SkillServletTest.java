package io.skillskit.examples.handlers.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.examples.handlers.HostContract;
import io.skillskit.examples.handlers.HttpDelivery;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.SkillHarness;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillServletTest extends HostContract {

  private JettySkillServer server;

  @Override
  protected void startHost(SkillHarness harness) {
    server = JettySkillServer.start(new SkillServlet(harness.pipeline(), 64 * 1024), 0);
  }

  @Override
  protected void stopHost() {
    server.close();
  }

  @Override
  protected Delivered post(byte[] body, Map<String, String> headers) throws Exception {
    return HttpDelivery.post(server.uri(), body, headers);
  }

  @Test
  void listensOnLoopback() {
    assertThat(server.uri().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void rawUtf8BodyWithoutCharsetVerifies() throws Exception {
    // A file name outside ASCII, sent as raw UTF-8 bytes with a Content-Type that names no
    // charset: a container decoding it as ISO-8859-1 would break the signature.
    LocalFile file = box.addFile("réunion-café.vtt", SampleFiles.captionsVtt().content());
    InvocationEvent event =
        InvocationEvent.builder(box.invocationFor(file.id())).boxStyleEscaping(false).build();
    assertThat(event.bodyAsString()).contains("réunion-café.vtt");
    Map<String, String> headers = new LinkedHashMap<>(SkillHarness.signedHeaders(event.body()));
    headers.put("Content-Type", "application/json");

    Delivered response = post(event.body(), headers);
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(response.status()).isEqualTo(200);
    assertThat(outcome.fileName()).isEqualTo("réunion-café.vtt");
    assertThat(statuses(file)).containsExactly("processing", "success");
  }

  @Test
  void formEncodedBodyIsNotConsumedAsParameters() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsSrt());
    InvocationEvent event = harness.eventFor(file);
    Map<String, String> headers = new LinkedHashMap<>(SkillHarness.signedHeaders(event.body()));
    headers.put("Content-Type", "application/x-www-form-urlencoded");

    Delivered response = post(event.body(), headers);
    harness.await(event.invocationId());

    assertThat(response.status()).isEqualTo(200);
    assertThat(statuses(file)).containsExactly("processing", "success");
  }

  @Test
  void getIsRejectedWith405() throws Exception {
    HttpResponse<String> response =
        HttpDelivery.exchange(HttpRequest.newBuilder(server.uri()).GET().build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.headers().firstValue("Allow")).hasValue("POST");
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void oversizedBodyIsRejectedWith413() throws Exception {
    byte[] body = "x".repeat(64 * 1024 + 1).getBytes(StandardCharsets.US_ASCII);

    Delivered response = post(body, SkillHarness.signedHeaders(body));

    assertThat(response.status()).isEqualTo(413);
    assertThat(box.requests()).isEmpty();
  }
}
