package io.skillskit.examples.handlers.lambda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import io.skillskit.examples.handlers.HostContract;
import io.skillskit.examples.localbox.Fault;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.Method;
import io.skillskit.examples.pipeline.InvocationOutcome;
import io.skillskit.examples.pipeline.SkillConfig;
import io.skillskit.examples.pipeline.SkillHarness;
import io.skillskit.examples.samples.SampleFiles;
import io.skillskit.examples.sender.InvocationEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SkillLambdaHandlerTest extends HostContract {

  private static final int REMAINING_MILLIS = 30_000;

  private SkillLambdaHandler handler;

  @Override
  protected void startHost(SkillHarness harness) {
    handler = new SkillLambdaHandler(harness.pipeline(), Duration.ofSeconds(2));
  }

  @Override
  protected void stopHost() {}

  @Override
  protected Delivered post(byte[] body, Map<String, String> headers) {
    APIGatewayProxyRequestEvent event =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withPath("/skill")
            .withHeaders(headers)
            .withBody(new String(body, StandardCharsets.UTF_8))
            .withIsBase64Encoded(false);
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(event, new FakeContext(REMAINING_MILLIS));
    return new Delivered(response.getStatusCode(), response.getBody());
  }

  @Test
  void finishesProcessingBeforeReturning() throws Exception {
    LocalFile file = harness.add(SampleFiles.meetingNotesText());
    InvocationEvent event = harness.eventFor(file);

    Delivered response = post(event.body(), SkillHarness.signedHeaders(event.body()));

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.body()).contains("\"status\":\"success\"");
    assertThat(statuses(file)).containsExactly("processing", "success");
    assertThat(texts(box.storedCards(file.id()).get(0))).startsWith("budget", "hiring");
  }

  @Test
  void base64BodyWithLowerCaseMultiValueHeaders() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    InvocationEvent event = harness.eventFor(file);
    Map<String, List<String>> headers = new LinkedHashMap<>();
    SkillHarness.signedHeaders(event.body())
        .forEach((name, value) -> headers.put(name.toLowerCase(Locale.ROOT), List.of(value)));
    APIGatewayProxyRequestEvent request =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withMultiValueHeaders(headers)
            .withBody(Base64.getEncoder().encodeToString(event.body()))
            .withIsBase64Encoded(true);

    APIGatewayProxyResponseEvent response =
        handler.handleRequest(request, new FakeContext(REMAINING_MILLIS));

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getHeaders())
        .containsEntry("Content-Type", "application/json; charset=utf-8");
    assertThat(statuses(file)).containsExactly("processing", "success");
  }

  @Test
  void invalidBase64IsRejectedWith400() {
    APIGatewayProxyRequestEvent request =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withBody("not base64!")
            .withIsBase64Encoded(true);

    APIGatewayProxyResponseEvent response =
        handler.handleRequest(request, new FakeContext(REMAINING_MILLIS));

    assertThat(response.getStatusCode()).isEqualTo(400);
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void getIsRejectedWith405() {
    APIGatewayProxyResponseEvent response =
        handler.handleRequest(
            new APIGatewayProxyRequestEvent().withHttpMethod("GET"),
            new FakeContext(REMAINING_MILLIS));

    assertThat(response.getStatusCode()).isEqualTo(405);
    assertThat(response.getHeaders()).containsEntry("Allow", "POST");
  }

  @Test
  void oversizedBodyIsRejectedWith413() {
    byte[] body = new byte[SkillLambdaHandler.MAX_BODY_BYTES + 1];

    Delivered response = post(body, SkillHarness.signedHeaders(body));

    assertThat(response.status()).isEqualTo(413);
    assertThat(box.requests()).isEmpty();
  }

  @Test
  void exhaustedBudgetWritesTransientErrorCard() throws Exception {
    LocalFile file = harness.add(SampleFiles.captionsVtt());
    Fault held = box.faults().on(Method.GET, LocalBox.DOWNLOAD_PREFIX).hold();
    InvocationEvent event = harness.eventFor(file);
    APIGatewayProxyRequestEvent request =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withHeaders(SkillHarness.signedHeaders(event.body()))
            .withBody(event.bodyAsString());
    SkillLambdaHandler shortOfTime =
        new SkillLambdaHandler(harness.pipeline(), Duration.ofMillis(100));

    APIGatewayProxyResponseEvent response;
    try {
      response = shortOfTime.handleRequest(request, new FakeContext(400));
    } finally {
      held.release();
    }
    InvocationOutcome outcome = harness.await(event.invocationId());
    // Closing waits for the job left in the background, which must not write after the deadline.
    harness.pipeline().close();

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(response.getBody()).contains("transient_failure");
    assertThat(outcome.result()).isEqualTo(InvocationOutcome.Result.TRANSIENT_FAILURE);
    assertThat(statuses(file)).containsExactly("processing", "transient_failure");
    assertThat(statusCode(box.storedCards(file.id()))).isEqualTo("skills_invocations_error");
  }

  @Test
  void configFromEnvironmentHidesKeys() {
    SkillConfig config =
        SkillConfig.fromEnvironment(
            Map.of(
                SkillConfig.PRIMARY_KEY, "EnvPrimaryKey0123456789",
                SkillConfig.API_BASE_URL, "http://127.0.0.1:9"));

    assertThat(config.apiBaseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
    assertThat(config.unsignedAllowed()).isFalse();
    assertThat(config.newValidator().checksSignatures()).isTrue();
    assertThat(config.toString()).doesNotContain("EnvPrimaryKey0123456789").contains("***");
  }

  @Test
  void configWithoutKeysIsRejected() {
    Map<String, String> environment = Map.of(SkillConfig.API_BASE_URL, "http://127.0.0.1:9");

    assertThatThrownBy(() -> SkillConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("BOX_SKILLS_PRIMARY_KEY is not set.");
  }

  @Test
  void configWithoutBaseUrlIsRejected() {
    Map<String, String> environment = Map.of(SkillConfig.PRIMARY_KEY, "EnvPrimaryKey0123456789");

    assertThatThrownBy(() -> SkillConfig.fromEnvironment(environment))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage(
            "BOX_API_BASE_URL is not set. Set it to https://api.box.com for Box, or to an"
                + " emulator such as http://127.0.0.1:8080.");
  }

  @Test
  void unsignedModeNeedsExplicitChoice() {
    SkillConfig config =
        SkillConfig.fromEnvironment(
            Map.of(
                SkillConfig.ALLOW_UNSIGNED, "true",
                SkillConfig.API_BASE_URL, "http://127.0.0.1:9"));

    assertThat(config.unsignedAllowed()).isTrue();
    assertThat(config.newValidator().checksSignatures()).isFalse();
  }

  @Test
  void handlerBuiltFromConfigProcessesInvocations() throws Exception {
    SkillLambdaHandler fromConfig =
        new SkillLambdaHandler(
            SkillConfig.of(SkillHarness.PRIMARY_KEY, SkillHarness.SECONDARY_KEY, box.baseUri()));
    LocalFile file = harness.add(SampleFiles.captionsSrt());
    InvocationEvent event = harness.eventFor(file);
    APIGatewayProxyRequestEvent request =
        new APIGatewayProxyRequestEvent()
            .withHttpMethod("POST")
            .withHeaders(SkillHarness.signedHeaders(event.body()))
            .withBody(event.bodyAsString());

    APIGatewayProxyResponseEvent response;
    try {
      response = fromConfig.handleRequest(request, new FakeContext(REMAINING_MILLIS));
    } finally {
      fromConfig.pipeline().close();
    }

    assertThat(response.getStatusCode()).isEqualTo(200);
    assertThat(statuses(file)).containsExactly("processing", "success");
  }
}
