package io.skillskit.examples.robustness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts what the robustness tests did in this test run: cases generated, faults injected,
 * invocations under load and log lines scanned for secrets. The counts are written to {@code
 * target/robustness-tally.txt}, relative to the module directory Maven runs tests in, when the test
 * JVM exits.
 */
final class Tally {

  static final String CASES = "generated cases";
  static final String FAULTS = "faults injected";
  static final String INVOCATIONS = "invocations under load";
  static final String LOG_LINES = "log lines scanned for secrets";
  static final String TEXTS = "exception messages and toString() texts scanned for secrets";

  static final Path FILE = Path.of("target", "robustness-tally.txt");

  private static final Map<String, AtomicLong> COUNTS = new ConcurrentHashMap<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Tally::writeQuietly, "robustness-tally"));
  }

  private Tally() {}

  static void add(String what, long count) {
    COUNTS.computeIfAbsent(what, key -> new AtomicLong()).addAndGet(count);
  }

  static long get(String what) {
    AtomicLong count = COUNTS.get(what);
    return count == null ? 0 : count.get();
  }

  static String summary() {
    StringBuilder out = new StringBuilder();
    new TreeMap<>(COUNTS)
        .forEach((what, count) -> out.append(what).append(": ").append(count).append('\n'));
    return out.toString();
  }

  private static void writeQuietly() {
    try {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, summary(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      System.err.println("could not write " + FILE + ": " + e);
    }
  }
}
