package io.skillskit.examples.analysis;

/**
 * Thrown when a file is not in a format the analyser reads: not a WAV file, a WAV file with
 * compressed audio, an image format other than the supported ones, or no data at all.
 *
 * <p>The message names the format found and the formats that are supported.
 */
public class UnsupportedFormatException extends AnalysisException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message.
   *
   * @param message the format found, the formats supported, and what to do next
   */
  public UnsupportedFormatException(String message) {
    super(message);
  }
}
