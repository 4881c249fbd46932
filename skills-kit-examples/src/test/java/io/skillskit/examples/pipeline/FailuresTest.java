package io.skillskit.examples.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.skillskit.box.FailureType;
import io.skillskit.box.FileRejectedException;
import io.skillskit.cards.NoInfoFoundException;
import io.skillskit.cards.SkillsError;
import io.skillskit.examples.analysis.AnalysisException;
import io.skillskit.examples.analysis.CaptionSyntaxException;
import io.skillskit.examples.analysis.UnsupportedFormatException;
import java.io.IOException;
import javax.imageio.IIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

  @Test
  void rejectedFileKeepsItsError() {
    Failures.Failure failure =
        Failures.classify(new FileRejectedException(SkillsError.INVALID_FILE_SIZE, "too big"));

    assertThat(failure.error()).isEqualTo(SkillsError.INVALID_FILE_SIZE);
    assertThat(failure.type()).isEqualTo(FailureType.PERMANENT);
  }

  @Test
  void noInfoIsPermanent() {
    Failures.Failure failure = Failures.classify(new NoInfoFoundException("empty"));

    assertThat(failure.error()).isEqualTo(SkillsError.NO_INFO_FOUND);
    assertThat(failure.type()).isEqualTo(FailureType.PERMANENT);
  }

  @Test
  void unsupportedFormatIsInvalidFileFormat() {
    Failures.Failure failure = Failures.classify(new UnsupportedFormatException("not a WAV"));

    assertThat(failure.error()).isEqualTo(SkillsError.INVALID_FILE_FORMAT);
    assertThat(failure.type()).isEqualTo(FailureType.PERMANENT);
  }

  @Test
  void malformedCaptionsAreProcessingErrors() {
    Failures.Failure failure = Failures.classify(new CaptionSyntaxException(3, "bad cue"));

    assertThat(failure.error()).isEqualTo(SkillsError.FILE_PROCESSING_ERROR);
    assertThat(failure.type()).isEqualTo(FailureType.PERMANENT);
    assertThat(Failures.isTransient(new CaptionSyntaxException(3, "bad cue"))).isFalse();
  }

  @Test
  void readFailuresAreTransient() {
    assertThat(Failures.isTransient(new IOException("connection reset"))).isTrue();
    assertThat(
            Failures.isTransient(
                new AnalysisException("damaged", new java.net.SocketException("reset"))))
        .isTrue();
    assertThat(Failures.classify(new IOException("reset")).error())
        .isEqualTo(SkillsError.INVOCATIONS_ERROR);
    assertThat(Failures.classify(new IOException("reset")).type()).isEqualTo(FailureType.TRANSIENT);
  }

  @Test
  void damagedImageIsNotTransient() {
    IIOException damaged = new IIOException("Error reading PNG image data");

    assertThat(Failures.isTransient(damaged)).isFalse();
    assertThat(Failures.isTransient(new AnalysisException("damaged PNG", damaged))).isFalse();
  }

  @Test
  void otherFailuresAreUnexpectedProcessingErrors() {
    Failures.Failure failure = Failures.classify(new IllegalStateException("bug"));

    assertThat(failure.error()).isEqualTo(SkillsError.FILE_PROCESSING_ERROR);
    assertThat(failure.type()).isEqualTo(FailureType.PERMANENT);
    assertThat(failure.expected()).isFalse();
  }
}
