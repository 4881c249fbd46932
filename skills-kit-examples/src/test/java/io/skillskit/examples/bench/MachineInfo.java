package io.skillskit.examples.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Describes the machine a benchmark ran on, from {@code /proc} where Linux provides it. */
final class MachineInfo {

  private MachineInfo() {}

  /** Returns CPU model, processors, memory and JDK as Markdown lines. */
  static String describe() {
    return "Machine: "
        + cpuModel()
        + ", "
        + Runtime.getRuntime().availableProcessors()
        + " processors, "
        + memory()
        + " memory\n"
        + "JDK: "
        + System.getProperty("java.vm.name")
        + " "
        + System.getProperty("java.vm.version")
        + " ("
        + System.getProperty("java.vendor")
        + ")\n";
  }

  /** Returns the 1, 5 and 15 minute load averages, or {@code unknown}. */
  static String loadAverage() {
    List<String> lines = read("/proc/loadavg");
    if (lines.isEmpty()) {
      return "unknown";
    }
    String[] parts = lines.get(0).split(" ");
    return parts.length >= 3 ? parts[0] + " " + parts[1] + " " + parts[2] : "unknown";
  }

  private static String cpuModel() {
    for (String line : read("/proc/cpuinfo")) {
      if (line.startsWith("model name")) {
        return line.substring(line.indexOf(':') + 1).strip();
      }
    }
    return System.getProperty("os.arch");
  }

  private static String memory() {
    for (String line : read("/proc/meminfo")) {
      if (line.startsWith("MemTotal:")) {
        long kib = Long.parseLong(line.replaceAll("[^0-9]", ""));
        return (kib >> 20) + " GiB";
      }
    }
    return "unknown";
  }

  private static List<String> read(String file) {
    try {
      return Files.readAllLines(Path.of(file));
    } catch (IOException e) {
      return List.of();
    }
  }
}
