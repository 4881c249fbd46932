package io.skillskit.signature;

import static io.skillskit.signature.SignatureTestData.CLOCK;
import static io.skillskit.signature.SignatureTestData.PRIMARY_KEY;
import static io.skillskit.signature.SignatureTestData.SECONDARY_KEY;
import static io.skillskit.signature.SignatureTestData.bothKeys;
import static io.skillskit.signature.SignatureTestData.utf8;
import static io.skillskit.signature.SignatureTestData.videoEventBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sender side used by tests and emulators. */
class SignatureGeneratorTest {

  @Test
  void signsPublishedTestVector() {
    String signature =
        SignatureGenerator.sign(
            "SkillsKitTestKey",
            utf8("{\"type\":\"skill_invocation\",\"id\":\"abc\"}"),
            "2024-01-01T00:00:00-08:00");

    assertThat(signature).isEqualTo("F9bh61LZtwp/BbME8oxx+MpfY7I//xt034iouf60yUg=");
  }

  @Test
  void headersCarryEverySignatureHeader() {
    SignatureGenerator generator = SignatureGenerator.of(PRIMARY_KEY, SECONDARY_KEY);

    Map<String, String> headers = generator.headers(videoEventBody(), "2024-05-01T10:00:00-07:00");

    assertThat(headers)
        .containsExactly(
            entry("box-delivery-timestamp", "2024-05-01T10:00:00-07:00"),
            entry("box-signature-version", "1"),
            entry("box-signature-algorithm", "HmacSHA256"),
            entry("box-signature-primary", "QVkG3b+p2sS5RmXQYuP1hOOgNGPid1qumHkRZwYDnvs="),
            entry("box-signature-secondary", "/TD3UUFFFTpHnhGcnR/oZ1jy2N8tXu7iddPJirfaiAk="));
    assertThatThrownBy(() -> headers.put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void headersFromTimeUseBoxFormat() {
    SignatureGenerator generator = SignatureGenerator.of(PRIMARY_KEY);
    OffsetDateTime sentAt =
        OffsetDateTime.of(2024, 5, 1, 10, 2, 3, 456_000_000, ZoneOffset.ofHours(-7));
    OffsetDateTime utc = OffsetDateTime.of(2024, 5, 1, 17, 2, 3, 0, ZoneOffset.UTC);

    assertThat(generator.headers(videoEventBody(), sentAt))
        .containsEntry("box-delivery-timestamp", "2024-05-01T10:02:03-07:00")
        .doesNotContainKey("box-signature-secondary");
    assertThat(generator.headers(videoEventBody(), utc))
        .containsEntry("box-delivery-timestamp", "2024-05-01T17:02:03+00:00");
  }

  @Test
  void generatedHeadersVerify() {
    SignatureGenerator generator = SignatureGenerator.of(PRIMARY_KEY, SECONDARY_KEY);
    OffsetDateTime sentAt = CLOCK.instant().atOffset(ZoneOffset.ofHours(2)).minusSeconds(30);

    assertThat(bothKeys().isValid(videoEventBody(), generator.headers(videoEventBody(), sentAt)))
        .isTrue();
  }

  @Test
  void rejectsBadArgumentsWithoutShowingKeys() {
    SignatureGenerator generator = SignatureGenerator.of(PRIMARY_KEY);

    assertThatThrownBy(() -> SignatureGenerator.sign(" ", new byte[0], "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("key is blank.");
    assertThatThrownBy(() -> SignatureGenerator.sign(PRIMARY_KEY, null, "t"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("body is null; pass the request body bytes.");
    assertThatThrownBy(() -> SignatureGenerator.sign(PRIMARY_KEY, new byte[0], null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("timestamp is null; pass the box-delivery-timestamp value to sign.");
    assertThatThrownBy(() -> generator.headers(new byte[0], (OffsetDateTime) null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sentAt is null; pass the delivery time.");
    assertThatThrownBy(() -> SignatureGenerator.of(PRIMARY_KEY, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("secondaryKey is null.");
  }

  @Test
  void toStringShowsNoKey() {
    assertThat(SignatureGenerator.of(PRIMARY_KEY))
        .hasToString("SignatureGenerator[primaryKey=***, secondaryKey=absent]");
    assertThat(SignatureGenerator.of(PRIMARY_KEY, SECONDARY_KEY))
        .hasToString("SignatureGenerator[primaryKey=***, secondaryKey=***]");
  }
}
