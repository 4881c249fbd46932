package io.skillskit.box;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** Streams a body four times larger than the heap of the JVM that reads it. */
class LargeDownloadTest {

  private static final long SIZE = 256L << 20;
  private static final int CHUNK = 64 * 1024;

  @Test
  void streams256MibThroughSmallHeap() throws Exception {
    byte[] chunk = new byte[CHUNK];
    for (int i = 0; i < CHUNK; i++) {
      chunk[i] = (byte) (i * 31 + 7);
    }
    CRC32 expected = new CRC32();
    for (long sent = 0; sent < SIZE; sent += CHUNK) {
      expected.update(chunk);
    }

    try (FakeBox box = new FakeBox()) {
      box.on(
          "GET",
          "/2.0/files/1402003004005/content",
          (exchange, request) -> {
            exchange.sendResponseHeaders(200, SIZE);
            try (OutputStream out = exchange.getResponseBody()) {
              for (long sent = 0; sent < SIZE; sent += CHUNK) {
                out.write(chunk);
              }
            }
          });

      Process child =
          new ProcessBuilder(
                  System.getProperty("java.home")
                      + File.separator
                      + "bin"
                      + File.separator
                      + "java",
                  "-Xmx64m",
                  "-XX:+UseSerialGC",
                  "-cp",
                  System.getProperty("java.class.path"),
                  LargeDownloadMain.class.getName(),
                  box.base())
              .redirectErrorStream(true)
              .start();
      String output = readOutput(child);
      boolean finished = child.waitFor(5, TimeUnit.MINUTES);
      if (!finished) {
        child.destroyForcibly();
      }

      assertThat(finished).as("child JVM finished").isTrue();
      assertThat(child.exitValue()).as("exit code, output: %s", output).isZero();
      assertThat(output).contains("bytes=" + SIZE + " crc=" + expected.getValue());
    }
  }

  private static String readOutput(Process child) throws IOException {
    return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
