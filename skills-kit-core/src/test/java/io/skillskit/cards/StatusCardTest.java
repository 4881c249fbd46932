package io.skillskit.cards;

import static io.skillskit.cards.CardFixtures.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.skillskit.request.SkillsRequest;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Processing and error cards, and the error codes they carry. */
class StatusCardTest {

  private final SkillsRequest request = CardFixtures.request();

  @Test
  void errorCodesAreExactlyBoxsNine() {
    assertThat(Arrays.stream(SkillsError.values()).map(SkillsError::code))
        .containsExactly(
            "skills_file_processing_error",
            "skills_invalid_file_size_error",
            "skills_invalid_file_format_error",
            "skills_invalid_event_error",
            "skills_no_info_found",
            "skills_invocations_error",
            "skills_external_auth_error",
            "skills_billing_error",
            "skills_unknown_error");
    assertThat(Arrays.stream(SkillsError.values()).map(Enum::name).collect(Collectors.toList()))
        .containsExactly(
            "FILE_PROCESSING_ERROR",
            "INVALID_FILE_SIZE",
            "INVALID_FILE_FORMAT",
            "INVALID_EVENT",
            "NO_INFO_FOUND",
            "INVOCATIONS_ERROR",
            "EXTERNAL_AUTH_ERROR",
            "BILLING_ERROR",
            "UNKNOWN");
  }

  @ParameterizedTest
  @EnumSource(SkillsError.class)
  void codesHaveNoStrayCharacters(SkillsError error) {
    assertThat(error.code()).matches("skills_[a-z]+(_[a-z]+)*");
    assertThat(error.message()).isNotBlank().isEqualTo(error.message().strip());
    assertThat(SkillsError.fromCode(error.code())).isEqualTo(error);
  }

  @Test
  void messagesAreTheWebAppTexts() {
    assertThat(SkillsError.FILE_PROCESSING_ERROR.message())
        .isEqualTo("We\u2019re sorry, something went wrong with processing the file.");
    assertThat(SkillsError.INVALID_FILE_SIZE.message())
        .isEqualTo(
            "We\u2019re sorry, no skills information was found. This file size is currently not"
                + " supported.");
    assertThat(SkillsError.INVALID_FILE_FORMAT.message())
        .isEqualTo(
            "We\u2019re sorry, no skills information was found. This file extension is currently"
                + " not supported.");
    assertThat(SkillsError.UNKNOWN.message())
        .isEqualTo("Something went wrong with running this skill or fetching its data.");
  }

  @Test
  void unknownCodesBecomeUnknownError() {
    assertThat(SkillsError.fromCode("boom")).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.fromCode(null)).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.fromCode("")).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.fromCode(" skills_billing_error")).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.fromCode("skills_external_auth_error.")).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.fromCode("SKILLS_BILLING_ERROR")).isEqualTo(SkillsError.UNKNOWN);
    assertThat(SkillsError.find("boom")).isEmpty();
    assertThat(SkillsError.find("skills_billing_error")).contains(SkillsError.BILLING_ERROR);
  }

  @Test
  void unknownCodeGivesUnknownErrorCard() {
    StatusCard card = StatusCard.error(request, SkillsError.fromCode("boom"));

    assertThat(CardFixtures.tree(card.toJson()).get("status"))
        .isEqualTo(CardFixtures.tree("{\"code\":\"skills_unknown_error\"}"));
  }

  @Test
  void processingCardHasPendingCodeAndMessage() {
    StatusCard card = StatusCard.processing(request);

    JsonNode json = CardFixtures.tree(card.toJson());
    assertThat(json.get("type").asText()).isEqualTo("skill_card");
    assertThat(json.get("skill_card_type").asText()).isEqualTo("status");
    assertThat(json.get("skill_card_title"))
        .isEqualTo(CardFixtures.tree("{\"code\":\"skills_status\",\"message\":\"Status\"}"));
    assertThat(json.get("status"))
        .isEqualTo(
            CardFixtures.tree(
                "{\"code\":\"skills_pending_status\","
                    + "\"message\":\"We're preparing to process your file. Please hold on!\"}"));
    assertThat(json.has("entries")).isFalse();
    assertThat(json.has("duration")).isFalse();
    assertThat(card.isProcessing()).isTrue();
    assertThat(card.isError()).isFalse();
    assertThat(card.skillsError()).isEmpty();
  }

  @Test
  void processingMessageCanChange() {
    StatusCard card = StatusCard.processing(request, "  Transcribing, about two minutes left. ");

    assertThat(card.statusMessage()).contains("Transcribing, about two minutes left.");
    assertThat(card.statusCode()).isEqualTo("skills_pending_status");
  }

  @Test
  void errorCardCarriesCodeAlone() {
    StatusCard card = StatusCard.error(request, SkillsError.INVALID_FILE_FORMAT);

    JsonNode json = CardFixtures.tree(card.toJson());
    assertThat(json.get("skill_card_title"))
        .isEqualTo(CardFixtures.tree("{\"code\":\"skills_error\",\"message\":\"Error\"}"));
    assertThat(json.get("status"))
        .isEqualTo(CardFixtures.tree("{\"code\":\"skills_invalid_file_format_error\"}"));
    assertThat(card.isError()).isTrue();
    assertThat(card.isProcessing()).isFalse();
    assertThat(card.isCustomError()).isFalse();
    assertThat(card.skillsError()).contains(SkillsError.INVALID_FILE_FORMAT);
    assertThat(card.statusMessage()).isEmpty();
  }

  @Test
  void customMessageUsesCustomErrorCode() {
    StatusCard card = StatusCard.error(request, "Provider quota exceeded");

    assertThat(CardFixtures.tree(card.toJson()).get("status"))
        .isEqualTo(
            CardFixtures.tree(
                "{\"code\":\"custom_error\",\"message\":\"Provider quota exceeded\"}"));
    assertThat(card.isError()).isTrue();
    assertThat(card.isCustomError()).isTrue();
    assertThat(card.skillsError()).isEmpty();
  }

  @Test
  void builderSetsTitleAndClock() {
    StatusCard card =
        StatusCard.builder(request)
            .title("Transcription")
            .error(SkillsError.BILLING_ERROR)
            .clock(CLOCK)
            .build();

    assertThat(card.title()).isEqualTo("Transcription");
    assertThat(card.titleCode()).contains("skills_transcription");
    assertThat(card.createdAt()).contains(CardFixtures.CREATED_AT);
    assertThat(card.toString())
        .isEqualTo(
            "StatusCard[title=Transcription, code=skills_billing_error, invocation="
                + CardFixtures.INVOCATION_ID
                + "]");
  }

  @Test
  void lastKindChosenWins() {
    StatusCard card = StatusCard.builder("10027", "i-1").customError("x").processing().build();

    assertThat(card.isProcessing()).isTrue();
    assertThat(card.title()).isEqualTo("Status");
  }

  @Test
  void rejectsBlankMessages() {
    assertThatThrownBy(() -> StatusCard.error(request, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status card message must not be blank, got ' '");
    assertThatThrownBy(() -> StatusCard.processing(request, ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("status card message must not be blank, got ''");
    assertThatThrownBy(() -> StatusCard.processing(request, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("message");
  }

  @Test
  void readCardsWithInvocationStatesAreClassified() {
    String base = CardFixtures.text("cards/status-card-minimal-openapi.json");

    StatusCard invoked = (StatusCard) SkillCard.parse(base.replace("processing", "invoked"));
    StatusCard permanent =
        (StatusCard) SkillCard.parse(base.replace("processing", "permanent_failure"));
    StatusCard transientFailure =
        (StatusCard) SkillCard.parse(base.replace("processing", "transient_failure"));
    StatusCard success = (StatusCard) SkillCard.parse(base.replace("processing", "success"));

    assertThat(invoked.isProcessing()).isTrue();
    assertThat(permanent.isError()).isTrue();
    assertThat(transientFailure.isError()).isTrue();
    assertThat(permanent.skillsError()).isEmpty();
    assertThat(success.isError()).isFalse();
    assertThat(success.isProcessing()).isFalse();
  }
}
