package io.skillskit.box;

import java.io.InputStream;
import java.net.URI;
import java.util.zip.CRC32;

/**
 * Downloads a file through {@link FilesReader#openContent()} and prints its size and CRC-32. Runs
 * in a separate JVM with a small heap, so a download that buffers the whole body fails with {@link
 * OutOfMemoryError}.
 */
public final class LargeDownloadMain {

  private LargeDownloadMain() {}

  public static void main(String[] args) throws Exception {
    FakeTime time = new FakeTime(Fixtures.CARD_TIME);
    try (BoxEndpoints endpoints =
        BoxEndpoints.builder(URI.create(args[0])).clock(time).sleeper(time).build()) {
      FilesReader reader = FilesReader.of(Fixtures.audioEvent(), endpoints);
      CRC32 crc = new CRC32();
      long total = 0;
      byte[] buffer = new byte[64 * 1024];
      try (InputStream in = reader.openContent()) {
        for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
          crc.update(buffer, 0, n);
          total += n;
        }
      }
      System.out.println("bytes=" + total + " crc=" + crc.getValue());
    }
  }
}
