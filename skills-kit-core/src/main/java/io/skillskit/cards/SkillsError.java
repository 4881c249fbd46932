package io.skillskit.cards;

import java.util.Optional;

/**
 * The nine error codes a skill can put on an error card. The Box web app recognises each code and
 * shows its own text for it; {@link #message()} is that text.
 *
 * <pre>{@code
 * StatusCard card = StatusCard.error(request, SkillsError.INVALID_FILE_FORMAT);
 * SkillsError error = SkillsError.fromCode("skills_invalid_file_format_error");
 * }</pre>
 *
 * <p>The messages are the English defaults of the status card in Box's web app components
 * (box-ui-elements): for seven of the codes the web app shows its own localised text and ignores a
 * {@code status.message} written next to the code. {@link #NO_INFO_FOUND} and {@link
 * #INVALID_EVENT} have no text of their own there: the web app shows the card's {@code
 * status.message} when there is one, and otherwise the generic text returned here.
 */
public enum SkillsError {
  /** The skill could not process the file. */
  FILE_PROCESSING_ERROR(
      "skills_file_processing_error",
      "We\u2019re sorry, something went wrong with processing the file."),
  /** The file is larger or smaller than the skill supports. */
  INVALID_FILE_SIZE(
      "skills_invalid_file_size_error",
      "We\u2019re sorry, no skills information was found. This file size is currently not"
          + " supported."),
  /** The skill does not support the file's format. */
  INVALID_FILE_FORMAT(
      "skills_invalid_file_format_error",
      "We\u2019re sorry, no skills information was found. This file extension is currently not"
          + " supported."),
  /**
   * The skill invocation event was missing something the skill needs.
   *
   * <p>NOTE: the web app has no text of its own for this code and shows the generic message.
   */
  INVALID_EVENT(
      "skills_invalid_event_error",
      "Something went wrong with running this skill or fetching its data."),
  /**
   * The analysis found nothing to show, for example no words in a silent recording.
   *
   * <p>NOTE: the web app has a "no skills information was found" text, but its status card does not
   * map this code to it and shows the generic message.
   */
  NO_INFO_FOUND(
      "skills_no_info_found", "Something went wrong with running this skill or fetching its data."),
  /** Running the skill or fetching its data failed. */
  INVOCATIONS_ERROR(
      "skills_invocations_error",
      "Something went wrong with running this skill or fetching its data."),
  /** The skill could not authenticate with an outside service. */
  EXTERNAL_AUTH_ERROR(
      "skills_external_auth_error",
      "Something went wrong with running this skill or fetching its data."),
  /** An outside service refused the work for billing reasons, such as an exhausted quota. */
  BILLING_ERROR(
      "skills_billing_error", "Something went wrong with running this skill or fetching its data."),
  /** Any other failure; also what {@link #fromCode(String)} returns for a code it does not know. */
  UNKNOWN(
      "skills_unknown_error", "Something went wrong with running this skill or fetching its data.");

  private final String code;
  private final String message;

  SkillsError(String code, String message) {
    this.code = code;
    this.message = message;
  }

  /**
   * Returns the code written into the error card's {@code status.code}.
   *
   * @return the code, for example {@code skills_invalid_file_format_error}
   */
  public String code() {
    return code;
  }

  /**
   * Returns the English text the Box web app shows on an error card with this code.
   *
   * @return the message
   */
  public String message() {
    return message;
  }

  /**
   * Returns the error with the given code, or {@link #UNKNOWN} for a code that is not one of the
   * nine, blank or {@code null}. Never throws.
   *
   * <pre>{@code
   * SkillsError.fromCode("skills_billing_error"); // BILLING_ERROR
   * SkillsError.fromCode("boom");                 // UNKNOWN
   * }</pre>
   *
   * @param code a card status code; may be {@code null}
   * @return the matching error, or {@link #UNKNOWN}
   */
  public static SkillsError fromCode(String code) {
    return find(code).orElse(UNKNOWN);
  }

  /**
   * Returns the error with exactly the given code, if there is one.
   *
   * @param code a card status code; may be {@code null}
   * @return the matching error, or empty for any other code
   */
  public static Optional<SkillsError> find(String code) {
    if (code == null) {
      return Optional.empty();
    }
    for (SkillsError error : values()) {
      if (error.code.equals(code)) {
        return Optional.of(error);
      }
    }
    return Optional.empty();
  }
}
