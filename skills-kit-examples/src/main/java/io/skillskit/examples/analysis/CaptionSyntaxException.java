package io.skillskit.examples.analysis;

/**
 * Thrown when a WebVTT or SRT caption file does not follow its format, for example when a cue
 * timing line cannot be read.
 *
 * <p>The message starts with the line number and quotes the text found on that line.
 */
public class CaptionSyntaxException extends AnalysisException {

  private static final long serialVersionUID = 1L;

  /** The line where the problem was found, counting from 1. */
  private final int lineNumber;

  /**
   * Creates an exception for one line of a caption file.
   *
   * @param lineNumber the line where the problem was found, counting from 1
   * @param message what is wrong on that line and what was expected, without the line number, which
   *     is added in front
   */
  public CaptionSyntaxException(int lineNumber, String message) {
    super("Line " + lineNumber + ": " + message);
    this.lineNumber = lineNumber;
  }

  /**
   * Returns the line where the problem was found.
   *
   * @return the line number, counting from 1
   */
  public int lineNumber() {
    return lineNumber;
  }
}
