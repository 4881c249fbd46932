package io.skillskit.examples.pipeline;

import io.skillskit.box.InvocationStatus;
import io.skillskit.cards.SkillCard;
import io.skillskit.cards.SkillsError;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one accepted invocation: the status the pipeline reported to Box, with which cards or
 * error, after how many processing attempts.
 *
 * <p>{@link #toString()} shows ids, the result and the error code; never a token.
 */
public final class InvocationOutcome {

  /** End state of an invocation. */
  public enum Result {
    /** The data cards were written with invocation status {@code success}. */
    SUCCESS,
    /** An error card was written with invocation status {@code permanent_failure}. */
    PERMANENT_FAILURE,
    /** An error card was written with invocation status {@code transient_failure}. */
    TRANSIENT_FAILURE,
    /**
     * Nothing final could be written, because Box rejected the write token or the final write
     * failed. The file may still show the processing card.
     */
    NOT_REPORTED
  }

  private final String invocationId;
  private final String fileId;
  private final String fileName;
  private final Result result;
  private final List<SkillCard> cards;
  private final SkillsError error;
  private final int attempts;
  private final String failure;

  InvocationOutcome(
      String invocationId,
      String fileId,
      String fileName,
      Result result,
      List<SkillCard> cards,
      SkillsError error,
      int attempts,
      String failure) {
    this.invocationId = Objects.requireNonNull(invocationId, "invocationId");
    this.fileId = Objects.requireNonNull(fileId, "fileId");
    this.fileName = Objects.requireNonNull(fileName, "fileName");
    this.result = Objects.requireNonNull(result, "result");
    this.cards = List.copyOf(cards);
    this.error = error;
    this.attempts = attempts;
    this.failure = failure;
  }

  /**
   * Returns the invocation id, the body {@code id} of the event.
   *
   * @return the invocation id
   */
  public String invocationId() {
    return invocationId;
  }

  /**
   * Returns the id of the file the skill was invoked for.
   *
   * @return the file id
   */
  public String fileId() {
    return fileId;
  }

  /**
   * Returns the name of the file the skill was invoked for.
   *
   * @return the file name from the event
   */
  public String fileName() {
    return fileName;
  }

  /**
   * Returns how the invocation ended.
   *
   * @return the result
   */
  public Result result() {
    return result;
  }

  /**
   * Returns the invocation status written with the final cards.
   *
   * @return {@code success}, {@code permanent_failure} or {@code transient_failure}, or empty for
   *     {@link Result#NOT_REPORTED}
   */
  public Optional<InvocationStatus> invocationStatus() {
    return switch (result) {
      case SUCCESS -> Optional.of(InvocationStatus.SUCCESS);
      case PERMANENT_FAILURE -> Optional.of(InvocationStatus.PERMANENT_FAILURE);
      case TRANSIENT_FAILURE -> Optional.of(InvocationStatus.TRANSIENT_FAILURE);
      case NOT_REPORTED -> Optional.empty();
    };
  }

  /**
   * Returns the data cards written on success.
   *
   * @return the cards, or an empty list unless the result is {@link Result#SUCCESS}
   */
  public List<SkillCard> cards() {
    return cards;
  }

  /**
   * Returns the error on the error card, or the error that would have been written when nothing
   * could be.
   *
   * @return the error, or empty on success
   */
  public Optional<SkillsError> error() {
    return Optional.ofNullable(error);
  }

  /**
   * Returns how many times the processing step ran: the download and the analysis.
   *
   * @return the number of attempts, 0 when the pipeline stopped before processing
   */
  public int attempts() {
    return attempts;
  }

  /**
   * Returns what went wrong, for logs and summaries: the exception type and message, which the kit
   * keeps free of tokens.
   *
   * @return the failure, or empty on success
   */
  public Optional<String> failure() {
    return Optional.ofNullable(failure);
  }

  /**
   * Tells whether the data cards were written.
   *
   * @return {@code true} for {@link Result#SUCCESS}
   */
  public boolean isSuccess() {
    return result == Result.SUCCESS;
  }

  /**
   * Returns the ids, the result, the error code and the attempts.
   *
   * @return text such as {@code InvocationOutcome[invocation=..., file=12, result=SUCCESS, cards=1,
   *     attempts=1]}
   */
  @Override
  public String toString() {
    return "InvocationOutcome[invocation="
        + invocationId
        + ", file="
        + fileId
        + ", result="
        + result
        + (error == null ? "" : ", error=" + error.code())
        + ", cards="
        + cards.size()
        + ", attempts="
        + attempts
        + "]";
  }
}
