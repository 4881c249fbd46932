package io.skillskit.examples.bench;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.box.FilesReader;
import io.skillskit.request.SkillsRequest;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Streams a large file in a child JVM whose heap is capped, and reports the heap it used.
 *
 * <p>The parent starts {@code java -Xmx64m} on {@link #main(String[])} with the LocalBox address
 * and the event in a temporary file. The child reads the whole content with {@link
 * FilesReader#openContent()} or {@link FilesReader#openContentBase64()} and prints one line: the
 * bytes read, the seconds taken, the largest heap use sampled after every 16 MiB read, and the sum
 * of the peak use of each heap pool (an upper bound, since the pools peak at different times). A
 * GC log goes to {@code target/bench}.
 */
public final class HeapCeiling {

  static final String MAX_HEAP = "-Xmx64m";
  private static final long CHILD_TIMEOUT_SECONDS = 600;
  private static final long SAMPLE_EVERY_BYTES = 16L << 20;

  private HeapCeiling() {}

  /** Result line of one child run. */
  record Result(String mode, long bytes, double seconds, long sampledPeak, long poolPeaks) {}

  /**
   * Runs in the child: streams the content and prints the result line.
   *
   * @param args the LocalBox base URI, the event file and {@code content} or {@code base64}
   * @throws IOException if the event cannot be read or the download fails
   */
  public static void main(String[] args) throws IOException {
    URI baseUri = URI.create(args[0]);
    SkillsRequest request = SkillsRequest.parse(Files.readAllBytes(Path.of(args[1])));
    boolean base64 = args[2].equals("base64");
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();

    long read = 0;
    long nextSample = SAMPLE_EVERY_BYTES;
    long sampledPeak = memory.getHeapMemoryUsage().getUsed();
    byte[] buffer = new byte[64 * 1024];
    long start = System.nanoTime();
    try (BoxEndpoints endpoints = BoxEndpoints.at(baseUri)) {
      FilesReader reader = FilesReader.of(request, endpoints);
      try (InputStream in = base64 ? reader.openContentBase64() : reader.openContent()) {
        int n;
        while ((n = in.read(buffer)) != -1) {
          read += n;
          if (read >= nextSample) {
            sampledPeak = Math.max(sampledPeak, memory.getHeapMemoryUsage().getUsed());
            nextSample += SAMPLE_EVERY_BYTES;
          }
        }
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;

    long poolPeaks = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        poolPeaks += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        Locale.ROOT, "RESULT %d %.3f %d %d%n", read, seconds, sampledPeak, poolPeaks);
  }

  /** Runs one child JVM for {@code mode} and returns its result. */
  static Result runChild(URI baseUri, byte[] event, String mode)
      throws IOException, InterruptedException {
    Path eventFile = Files.createTempFile("skills-kit-bench-event", ".json");
    Path gcLog = Path.of("target", "bench", "heap-" + mode + ".gc.log").toAbsolutePath();
    Files.createDirectories(gcLog.getParent());
    try {
      Files.write(eventFile, event);
      List<String> command = new ArrayList<>();
      command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      command.add(MAX_HEAP);
      command.add("-Xlog:gc:file=" + gcLog);
      command.add(BenchFixtures.LOGGING);
      command.add("-cp");
      command.add(System.getProperty("java.class.path"));
      command.add(HeapCeiling.class.getName());
      command.add(baseUri.toString());
      command.add(eventFile.toString());
      command.add(mode);
      Process child =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        child.destroyForcibly();
        throw new IllegalStateException("the " + mode + " child JVM did not finish in time");
      }
      String line =
          output
              .lines()
              .filter(l -> l.startsWith("RESULT "))
              .findFirst()
              .orElseThrow(
                  () ->
                      new IllegalStateException(
                          "the "
                              + mode
                              + " child JVM exited with "
                              + child.exitValue()
                              + " and no result: "
                              + output));
      String[] parts = line.split(" ");
      return new Result(
          mode,
          Long.parseLong(parts[1]),
          Double.parseDouble(parts[2]),
          Long.parseLong(parts[3]),
          Long.parseLong(parts[4]));
    } finally {
      Files.deleteIfExists(eventFile);
    }
  }

  /** Runs both modes and returns the Markdown section. */
  static String run(URI baseUri, byte[] event, long size)
      throws IOException, InterruptedException {
    StringBuilder text = new StringBuilder();
    text.append(
        String.format(
            Locale.ROOT,
            "### %d MiB file streamed in a child JVM with %s%n%n",
            size >> 20,
            MAX_HEAP));
    text.append(
        "| method | bytes read | seconds | peak heap sampled (MiB) | sum of pool peaks (MiB) |\n"
            + "|---|---|---|---|---|\n");
    for (String mode : List.of("content", "base64")) {
      Result result = runChild(baseUri, event, mode);
      System.out.printf(Locale.ROOT, "heap ceiling %s: %s%n", mode, result);
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.1f | %.1f | %.1f |%n",
              mode.equals("content") ? "openContent()" : "openContentBase64()",
              result.bytes(),
              result.seconds(),
              result.sampledPeak() / (double) (1 << 20),
              result.poolPeaks() / (double) (1 << 20)));
    }
    return text.toString();
  }
}
