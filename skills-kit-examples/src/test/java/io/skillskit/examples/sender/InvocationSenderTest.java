package io.skillskit.examples.sender;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.examples.localbox.Fixtures;
import io.skillskit.examples.localbox.InvocationGrant;
import io.skillskit.examples.localbox.InvocationUpdate;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.localbox.TestClock;
import io.skillskit.examples.localbox.TestHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InvocationSenderTest {

  private static final String PRIMARY = "PrimaryKeyForTests0123456789abcd";
  private static final String SECONDARY = "SecondaryKeyForTests0123456789ab";

  private final TestClock clock = new TestClock(Instant.parse("2026-03-14T16:26:53Z"));
  private LocalBox box;
  private InvocationEvent event;

  @BeforeEach
  void startBox() {
    box = LocalBox.builder().clock(clock).start();
    LocalFile file = box.addFile("memo.mp3", new byte[64]);
    event = InvocationEvent.builder(box.invocationFor(file.id())).clock(clock).build();
  }

  @AfterEach
  void stopBox() {
    box.close();
  }

  @Test
  void signsWithPrimaryAndSecondaryKeys() throws Exception {
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      DeliveryResult result = sender().build().send(skill.uri(), event);

      assertThat(result.isAcknowledged()).isTrue();
      assertThat(result.attempts()).hasSize(1);
      SkillStub.Delivery delivery = skill.deliveries().get(0);
      String timestamp = delivery.header("BOX-DELIVERY-TIMESTAMP");
      assertThat(timestamp).isEqualTo("2026-03-14T09:26:53-07:00");
      assertThat(delivery.body()).isEqualTo(event.body());
      assertThat(delivery.header("BOX-SIGNATURE-PRIMARY"))
          .isEqualTo(Hmac.signature(PRIMARY, delivery.body(), timestamp));
      assertThat(delivery.header("BOX-SIGNATURE-SECONDARY"))
          .isEqualTo(Hmac.signature(SECONDARY, delivery.body(), timestamp));
      assertThat(delivery.header("BOX-SIGNATURE-VERSION")).isEqualTo("1");
      assertThat(delivery.header("BOX-SIGNATURE-ALGORITHM")).isEqualTo("HmacSHA256");
      assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
      assertThat(delivery.header("BOX-DELIVERY-ID"))
          .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
      assertThat(result.attempts().get(0).deliveryId())
          .isEqualTo(delivery.header("BOX-DELIVERY-ID"));
      assertThat(result.attempts().get(0).statusCode()).isEqualTo(OptionalInt.of(200));
    }
  }

  @Test
  void signerMatchesTheKnownAnswerVector() {
    JsonNode vector = Fixtures.json("signature/vector.json");
    byte[] body = Fixtures.bytes("signature/body.json");
    String timestamp = vector.at("/vectors/0/headers/BOX-DELIVERY-TIMESTAMP").asText();

    String primary = DeliverySigner.sign(vector.get("primary_key").asText(), body, timestamp);
    String secondary = DeliverySigner.sign(vector.get("secondary_key").asText(), body, timestamp);

    assertThat(primary).isEqualTo("8VchOiiJNJ0aBnmsdvAtQuDU5pkEpub/wiYGbOc9WXA=");
    assertThat(primary).isEqualTo(vector.at("/vectors/0/expected/primary").asText());
    assertThat(secondary).isEqualTo(vector.at("/vectors/0/expected/secondary").asText());
  }

  @Test
  void redeliversWhenTheSkillIsSlow() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    SkillStub.Behaviour slowFirst =
        (delivery, index) -> {
          if (index == 0) {
            release.await(10, TimeUnit.SECONDS);
          }
          return 200;
        };
    try (SkillStub skill = SkillStub.start(slowFirst)) {
      DeliveryResult result;
      try {
        result = sender().ackTimeout(Duration.ofMillis(200)).build().send(skill.uri(), event);
      } finally {
        release.countDown();
      }

      assertThat(result.attempts())
          .extracting(DeliveryAttempt::outcome)
          .containsExactly(DeliveryAttempt.Outcome.TIMED_OUT, DeliveryAttempt.Outcome.ACKNOWLEDGED);
      assertThat(result.attempts().get(0).statusCode()).isEmpty();
      assertThat(result.attempts().get(0).failure()).startsWith("HttpTimeoutException");
      assertThat(result.invocationId()).isEqualTo(event.invocationId());
      List<SkillStub.Delivery> deliveries = skill.deliveries();
      assertThat(deliveries).hasSize(2);
      assertThat(deliveries.get(1).body()).isEqualTo(deliveries.get(0).body());
      assertThat(deliveries.get(1).header("BOX-DELIVERY-ID"))
          .isNotEqualTo(deliveries.get(0).header("BOX-DELIVERY-ID"));
      for (SkillStub.Delivery delivery : deliveries) {
        assertThat(delivery.header("BOX-SIGNATURE-PRIMARY"))
            .isEqualTo(
                Hmac.signature(
                    PRIMARY, delivery.body(), delivery.header("BOX-DELIVERY-TIMESTAMP")));
      }
    }
  }

  @Test
  void redeliveryUsesTheNewTimestamp() throws Exception {
    try (SkillStub skill =
        SkillStub.start(
            (delivery, index) -> {
              clock.advance(Duration.ofSeconds(40));
              return index == 0 ? 503 : 200;
            })) {
      sender().build().send(skill.uri(), event);

      List<SkillStub.Delivery> deliveries = skill.deliveries();
      assertThat(deliveries.get(0).header("BOX-DELIVERY-TIMESTAMP"))
          .isEqualTo("2026-03-14T09:26:53-07:00");
      assertThat(deliveries.get(1).header("BOX-DELIVERY-TIMESTAMP"))
          .isEqualTo("2026-03-14T09:27:33-07:00");
      assertThat(deliveries.get(1).header("BOX-SIGNATURE-PRIMARY"))
          .isEqualTo(
              Hmac.signature(PRIMARY, deliveries.get(1).body(), "2026-03-14T09:27:33-07:00"));
    }
  }

  @Test
  void rejectionsAreRedeliveredUpToTheLimit() throws Exception {
    List<Duration> waits = new ArrayList<>();
    try (SkillStub skill = SkillStub.start((delivery, index) -> 500)) {
      DeliveryResult result =
          sender()
              .maxRedeliveries(2)
              .redeliveryDelay(Duration.ofSeconds(30))
              .sleeper(waits::add)
              .build()
              .send(skill.uri(), event);

      assertThat(result.isAcknowledged()).isFalse();
      assertThat(result.attempts())
          .extracting(attempt -> attempt.statusCode().getAsInt())
          .containsExactly(500, 500, 500);
      assertThat(result.lastAttempt().outcome()).isEqualTo(DeliveryAttempt.Outcome.REJECTED);
      assertThat(result.lastAttempt().responseBody()).isEqualTo("{\"delivery\":2}");
      assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    }
  }

  @Test
  void noRedeliveryDeliversOnce() throws Exception {
    try (SkillStub skill = SkillStub.start((delivery, index) -> 401)) {
      DeliveryResult result =
          sender()
              .build()
              .send(skill.uri(), event, DeliveryOptions.builder().noRedelivery().build());

      assertThat(result.attempts()).hasSize(1);
      assertThat(skill.deliveries()).hasSize(1);
    }
  }

  @Test
  void wrongKeysProduceSignaturesThatDoNotVerify() throws Exception {
    DeliveryOptions forged =
        DeliveryOptions.builder().signWith("RetiredPrimaryKey000000000000000", null).build();
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      sender().build().send(skill.uri(), event, forged);

      SkillStub.Delivery delivery = skill.deliveries().get(0);
      String timestamp = delivery.header("BOX-DELIVERY-TIMESTAMP");
      assertThat(delivery.header("BOX-SIGNATURE-PRIMARY"))
          .isNotEqualTo(Hmac.signature(PRIMARY, delivery.body(), timestamp))
          .isEqualTo(
              Hmac.signature("RetiredPrimaryKey000000000000000", delivery.body(), timestamp));
      assertThat(delivery.header("BOX-SIGNATURE-SECONDARY")).isNull();
    }
  }

  @Test
  void omittedHeadersAreNotSent() throws Exception {
    DeliveryOptions missing =
        DeliveryOptions.builder()
            .omitHeader("box-signature-primary")
            .omitHeader(DeliveryHeaders.DELIVERY_TIMESTAMP)
            .build();
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      sender().build().send(skill.uri(), event, missing);

      SkillStub.Delivery delivery = skill.deliveries().get(0);
      assertThat(delivery.header("BOX-SIGNATURE-PRIMARY")).isNull();
      assertThat(delivery.header("BOX-DELIVERY-TIMESTAMP")).isNull();
      assertThat(delivery.header("BOX-SIGNATURE-SECONDARY")).isNotNull();
    }
  }

  @Test
  void tamperedBodyNoLongerMatchesItsSignature() throws Exception {
    DeliveryOptions tampered = DeliveryOptions.builder().tamperBody().build();
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      sender().build().send(skill.uri(), event, tampered);

      SkillStub.Delivery delivery = skill.deliveries().get(0);
      String timestamp = delivery.header("BOX-DELIVERY-TIMESTAMP");
      assertThat(delivery.body()).isNotEqualTo(event.body());
      assertThat(Fixtures.parse(delivery.bodyAsString()))
          .isEqualTo(Fixtures.parse(event.bodyAsString()));
      assertThat(delivery.header("BOX-SIGNATURE-PRIMARY"))
          .isEqualTo(Hmac.signature(PRIMARY, event.body(), timestamp))
          .isNotEqualTo(Hmac.signature(PRIMARY, delivery.body(), timestamp));
    }
  }

  @Test
  void headerAndTimestampOverrides() throws Exception {
    DeliveryOptions odd =
        DeliveryOptions.builder()
            .timestamp("yesterday")
            .header("box-signature-version", "2")
            .build();
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      sender().build().send(skill.uri(), event, odd);

      SkillStub.Delivery delivery = skill.deliveries().get(0);
      assertThat(delivery.header("BOX-DELIVERY-TIMESTAMP")).isEqualTo("yesterday");
      assertThat(delivery.header("BOX-SIGNATURE-VERSION")).isEqualTo("2");
      assertThat(delivery.header("BOX-SIGNATURE-PRIMARY"))
          .isEqualTo(Hmac.signature(PRIMARY, delivery.body(), "yesterday"));
    }
  }

  @Test
  void refusedConnectionIsAFailedAttempt() throws Exception {
    URI closed;
    try (SkillStub skill = SkillStub.start((delivery, index) -> 200)) {
      closed = skill.uri();
    }

    DeliveryResult result = sender().maxRedeliveries(1).build().send(closed, event);

    assertThat(result.attempts())
        .extracting(DeliveryAttempt::outcome)
        .containsExactly(DeliveryAttempt.Outcome.FAILED, DeliveryAttempt.Outcome.FAILED);
    assertThat(result.lastAttempt().failure()).isNotEmpty();
  }

  @Test
  void onlyLoopbackUrlsAreAccepted() {
    InvocationSender sender = sender().build();

    assertThatThrownBy(() -> sender.send(URI.create("http://example.com/skill"), event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "skill URL host 'example.com' is not a loopback address; the sender delivers only to"
                + " 127.0.0.1 or [::1]");
    assertThatThrownBy(() -> sender.send(URI.create("http://10.0.0.7:8080/skill"), event))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> sender.send(URI.create("ftp://127.0.0.1/skill"), event))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("skill URL scheme 'ftp' is not supported; expected http or https");
  }

  @Test
  void builderNeedsThePrimaryKey() {
    assertThatThrownBy(() -> InvocationSender.builder().build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("primaryKey is missing; set it with primaryKey(key)");
    assertThatThrownBy(() -> InvocationSender.builder().ackTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ackTimeout is PT0S; expected a positive duration");
  }

  @Test
  void toStringHidesKeys() {
    InvocationSender sender = sender().build();
    DeliveryOptions options = DeliveryOptions.builder().signWith("OtherKey", "OtherKey2").build();

    assertThat(sender.toString())
        .doesNotContain(PRIMARY)
        .doesNotContain(SECONDARY)
        .contains("primaryKey=***");
    assertThat(options.toString()).doesNotContain("OtherKey");
  }

  @Test
  void grantFromLocalBoxWorksEndToEnd() throws Exception {
    LocalFile file = box.addFile("notes.txt", "budget review".getBytes(StandardCharsets.UTF_8));
    InvocationGrant grant = box.invocationFor(file.id());
    InvocationEvent invocation = InvocationEvent.builder(grant).clock(clock).build();
    SkillStub.Behaviour writesACard =
        (delivery, index) -> {
          JsonNode received = Fixtures.parse(delivery.bodyAsString());
          String body =
              Fixtures.text("requests/skill-invocations-put-processing.json")
                  .replace("1402003004005", received.at("/source/id").asText());
          int status =
              TestHttp.putInvocation(box, received.at("/token/write/access_token").asText(), body)
                  .statusCode();
          return status == 200 ? 200 : 500;
        };

    try (SkillStub skill = SkillStub.start(writesACard)) {
      DeliveryResult result = sender().build().send(skill.uri(), invocation);

      assertThat(result.isAcknowledged()).isTrue();
      assertThat(box.invocationHistory(file.id()))
          .extracting(InvocationUpdate::status)
          .containsExactly("processing");
    }
  }

  private InvocationSender.Builder sender() {
    return InvocationSender.builder().primaryKey(PRIMARY).secondaryKey(SECONDARY).clock(clock);
  }
}
