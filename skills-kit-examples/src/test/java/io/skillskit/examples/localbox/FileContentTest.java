package io.skillskit.examples.localbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileContentTest {

  @Test
  void generatedContentMatchesGeneratedByteAt() throws Exception {
    FileContent content = FileContent.generated(1000);

    byte[] bytes;
    try (InputStream in = content.open()) {
      bytes = in.readAllBytes();
    }

    assertThat(bytes).hasSize(1000);
    for (int i = 0; i < bytes.length; i++) {
      assertThat(bytes[i] & 0xFF).as("byte %d", i).isEqualTo(FileContent.generatedByteAt(i));
    }
  }

  @Test
  void generatedContentIsTheSameOnEveryOpen() throws Exception {
    FileContent content = FileContent.generated(4096);

    byte[] first;
    byte[] second;
    try (InputStream in = content.open()) {
      first = in.readAllBytes();
    }
    try (InputStream in = content.open()) {
      second = in.readAllBytes();
    }

    assertThat(first).isEqualTo(second);
    assertThat(first).isNotEqualTo(new byte[4096]);
  }

  @Test
  void generatedContentSkipsWithoutGenerating() throws Exception {
    long size = 5L * 1024 * 1024 * 1024;
    FileContent content = FileContent.generated(size);

    int last;
    try (InputStream in = content.open()) {
      long skipped = in.skip(size - 1);
      assertThat(skipped).isEqualTo(size - 1);
      last = in.read();
      assertThat(in.read()).isEqualTo(-1);
    }

    assertThat(last).isEqualTo(FileContent.generatedByteAt(size - 1));
  }

  @Test
  void bytesAreCopied() throws Exception {
    byte[] original = "abc".getBytes(StandardCharsets.UTF_8);
    FileContent content = FileContent.of(original);

    original[0] = 'x';

    try (InputStream in = content.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("abc");
    }
  }

  @Test
  void pathContentReadsTheFile(@TempDir Path folder) throws Exception {
    Path path = folder.resolve("notes.txt");
    Files.writeString(path, "budget review");

    FileContent content = FileContent.ofPath(path);

    assertThat(content.size()).isEqualTo(13);
    try (InputStream in = content.open()) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("budget review");
    }
  }

  @Test
  void missingPathNamesThePath(@TempDir Path folder) {
    Path path = folder.resolve("missing.wav");

    assertThatThrownBy(() -> FileContent.ofPath(path))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage("Cannot read the size of " + path + "; expected a file");
  }

  @Test
  void negativeSizeIsRejected() {
    assertThatThrownBy(() -> FileContent.generated(-1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("size is -1; expected 0 or more bytes");
  }

  @Test
  void localFileExtensionFollowsBoxRules() {
    assertThat(file("Quarterly Call.MP4").extension()).isEqualTo("mp4");
    assertThat(file("backup.tar.gz").extension()).isEqualTo("gz");
    assertThat(file("notes").extension()).isEmpty();
    assertThat(file(".hidden").extension()).isEmpty();
    assertThat(file(".hidden.wav").extension()).isEqualTo("wav");
    assertThat(file("report.").extension()).isEmpty();
  }

  private static LocalFile file(String name) {
    return new LocalFile("1", name, "0", "2", 0);
  }
}
