package io.skillskit.examples.handlers.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.examples.handlers.HostContract;
import io.skillskit.examples.handlers.HttpDelivery;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.SkillHarness;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.DeliveryResult;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.examples.sender.InvocationSender;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class JdkSkillServerTest extends HostContract {

  private JdkSkillServer server;

  @Override
  protected void startHost(SkillHarness harness) {
    server = JdkSkillServer.builder(harness.pipeline()).maxBodyBytes(64 * 1024).start();
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
    assertThat(server.uri().getPort()).isPositive();
  }

  @Test
  void invocationSenderDeliveryIsAcknowledged() throws Exception {
    LocalFile file = harness.add(SampleFiles.colourBlocksPng());
    InvocationEvent event = harness.eventFor(file);
    InvocationSender sender =
        InvocationSender.builder()
            .primaryKey(SkillHarness.PRIMARY_KEY)
            .secondaryKey(SkillHarness.SECONDARY_KEY)
            .build();

    DeliveryResult delivery = sender.send(server.uri(), event);
    InvocationOutcome outcome = harness.await(event.invocationId());

    assertThat(delivery.isAcknowledged()).isTrue();
    assertThat(delivery.attempts()).hasSize(1);
    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.SUCCESS);
    assertThat(statuses(file)).containsExactly("processing", "success");
  }

  @Test
  void headerNamesInAnyCaseAreAccepted() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationEvent event = harness.eventFor(file);
    Map<String, String> lowerCase = new TreeMap<>();
    SkillHarness.signedHeaders(event.body())
        .forEach((name, value) -> lowerCase.put(name.toLowerCase(Locale.ROOT), value));

    Delivered response = post(event.body(), lowerCase);
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
  void headIsRejectedWith405WithoutBody() throws Exception {
    HttpResponse<String> response =
        HttpDelivery.exchange(
            HttpRequest.newBuilder(server.uri())
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build());

    assertThat(response.statusCode()).isEqualTo(405);
    assertThat(response.body()).isEmpty();
  }

  @Test
  void oversizedBodyIsRejectedWith413() throws Exception {
    byte[] body = new byte[64 * 1024 + 1];

    Delivered response = post(body, SkillHarness.signedHeaders(body));

    assertThat(response.status()).isEqualTo(413);
    assertThat(box.requests()).isEmpty();
  }
}
