package io.skillskit.examples.bench;

import io.skillskit.box.BoxEndpoints;
import io.skillskit.examples.localbox.LocalBox;
import io.skillskit.examples.localbox.LocalFile;
import io.skillskit.examples.sender.InvocationEvent;
import io.skillskit.request.SkillsRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Measures the kit's I/O against a LocalBox on 127.0.0.1 and prints a Markdown summary: download
 * throughput next to curl, the heap used to stream a large file under {@code -Xmx64m}, and the
 * latency and throughput of {@code saveDataCards}.
 *
 * <p>Arguments, all optional: {@code size=MiB} (default 1024), {@code rounds=N} (default 5), and
 * the sections to run, {@code download}, {@code heap} and {@code writes} (default all). Every loop
 * is bounded, and the run stops by itself. The summary is also written to {@code
 * target/bench/io-summary.md}.
 */
public final class IoBench {

  private IoBench() {}

  /**
   * Runs the selected sections.
   *
   * @param args {@code size=MiB}, {@code rounds=N} and section names
   * @throws Exception if a measurement fails
   */
  public static void main(String[] args) throws Exception {
    long size = 1024L << 20;
    int rounds = 5;
    Set<String> sections = new LinkedHashSet<>();
    for (String arg : args) {
      if (arg.startsWith("size=")) {
        size = Long.parseLong(arg.substring("size=".length())) << 20;
      } else if (arg.startsWith("rounds=")) {
        rounds = Integer.parseInt(arg.substring("rounds=".length()));
      } else if (!arg.isBlank()) {
        sections.add(arg);
      }
    }
    if (sections.isEmpty()) {
      sections.addAll(Set.of("download", "heap", "writes"));
    }

    StringBuilder summary = new StringBuilder();
    summary
        .append("I/O summary\n\n")
        .append(MachineInfo.describe())
        .append("Started: ")
        .append(ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
        .append("; load average before: ")
        .append(MachineInfo.loadAverage())
        .append("\n\n");

    try (LocalBox box = LocalBox.builder().threads(WriteBench.CALLERS).start();
        BoxEndpoints endpoints = BoxEndpoints.at(box.baseUri())) {
      LocalFile file = box.addFile("large-recording.mp4", RepeatingContent.of(size));
      byte[] event = InvocationEvent.builder(box.invocationFor(file.id())).build().body();
      SkillsRequest request = SkillsRequest.parse(event);

      if (sections.contains("download")) {
        summary.append(new DownloadBench(request, endpoints, size).run(rounds)).append('\n');
      }
      if (sections.contains("heap")) {
        summary.append(HeapCeiling.run(box.baseUri(), event, size)).append('\n');
      }
      if (sections.contains("writes")) {
        summary.append(new WriteBench(box, endpoints).run(rounds)).append('\n');
      }
    }

    summary.append("Load average after: ").append(MachineInfo.loadAverage()).append('\n');
    String text = summary.toString();
    System.out.println();
    System.out.println(text);
    Path out = Path.of("target", "bench", "io-summary.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, text, StandardCharsets.UTF_8);
    System.out.printf(Locale.ROOT, "Summary written to %s%n", out.toAbsolutePath());
  }
}
