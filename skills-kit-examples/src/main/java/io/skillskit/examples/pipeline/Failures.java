package io.skillskit.examples.pipeline;

import io.skillskit.box.BasicFormatException;
import io.skillskit.box.BoxCallException;
import io.skillskit.box.ContentTruncatedException;
import io.skillskit.box.FailureType;
import io.skillskit.box.FileRejectedException;
import io.skillskit.box.TokenExpiredException;
import io.skillskit.cards.NoInfoFoundException;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.analysis.AnalysisException;
import io.skillskit.examples.analysis.UnsupportedFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import javax.imageio.IIOException;

/** Decides which error card a failure of the processing step gets, and whether to retry it. */
final class Failures {

  /** The error card for a failure, and whether the failure was expected. */
  record Failure(SkillsError error, FailureType type, boolean expected) {}

  private Failures() {}

  /**
   * Tells whether trying the processing step again may succeed: Box rate limits and server errors
   * that outlasted the kit's own retries, cut-off downloads and other read failures of the file.
   */
  static boolean isTransient(Throwable failure) {
    if (failure instanceof TokenExpiredException) {
      return false;
    }
    // Skills throw IOException only when reading the file fails. Image readers report damaged
    // data as IIOException, which is not a read failure.
    if (failure instanceof IOException && !(failure instanceof IIOException)) {
      return true;
    }
    if (failure instanceof UncheckedIOException) {
      return true;
    }
    // Analysers wrap what the stream threw, so look at the causes too.
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof ContentTruncatedException
          || cause instanceof SocketException
          || cause instanceof SocketTimeoutException) {
        return true;
      }
      if (cause instanceof BoxCallException boxFailure) {
        return boxFailure.failureType() == FailureType.TRANSIENT;
      }
    }
    return false;
  }

  /** Returns the error card for a failure that is final, after any retries. */
  static Failure classify(Throwable failure) {
    if (failure instanceof FileRejectedException rejected) {
      return new Failure(rejected.skillsError(), rejected.failureType(), true);
    }
    if (failure instanceof BasicFormatException noFormat) {
      return new Failure(noFormat.skillsError(), noFormat.failureType(), true);
    }
    if (failure instanceof NoInfoFoundException noInfo) {
      return new Failure(noInfo.error(), FailureType.PERMANENT, true);
    }
    if (failure instanceof TokenExpiredException) {
      // Only the read token gets here. The next invocation brings fresh tokens.
      return new Failure(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT, true);
    }
    if (failure instanceof InterruptedException || isTransient(failure)) {
      return new Failure(SkillsError.INVOCATIONS_ERROR, FailureType.TRANSIENT, true);
    }
    if (failure instanceof UnsupportedFormatException) {
      return new Failure(SkillsError.INVALID_FILE_FORMAT, FailureType.PERMANENT, true);
    }
    if (failure instanceof AnalysisException) {
      return new Failure(SkillsError.FILE_PROCESSING_ERROR, FailureType.PERMANENT, true);
    }
    if (failure instanceof BoxCallException) {
      // Transient Box failures were handled above; this one, such as a 404, will happen again.
      return new Failure(SkillsError.INVOCATIONS_ERROR, FailureType.PERMANENT, true);
    }
    return new Failure(SkillsError.FILE_PROCESSING_ERROR, FailureType.PERMANENT, false);
  }

  /** Describes a failure for logs and outcomes: its type and message, which hold no token. */
  static String describe(Throwable failure) {
    String message = failure.getMessage();
    return failure.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
