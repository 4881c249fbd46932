package io.skillskit.examples.analysis;

import io.skillskit.SkillsKitException;

/**
 * Thrown when a file is in a supported format but cannot be analysed, for example because it is
 * truncated or its content is malformed.
 *
 * <p>A skill usually reports this with a {@code skills_file_processing_error} card. The subclass
 * {@link UnsupportedFormatException} marks files of a format the analyser does not read, which
 * usually gets a {@code skills_invalid_file_format_error} card instead.
 */
public class AnalysisException extends SkillsKitException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message what failed, on which value, and what to do next
   */
  public AnalysisException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the exception that caused it.
   *
   * @param message what failed, on which value, and what to do next
   * @param cause the underlying failure, kept for diagnosis
   */
  public AnalysisException(String message, Throwable cause) {
    super(message, cause);
  }
}
