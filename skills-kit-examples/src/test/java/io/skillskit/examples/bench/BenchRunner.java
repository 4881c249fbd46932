package io.skillskit.examples.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs the JMH benchmarks in alternating rounds and prints medians, their spread and the ratios of
 * kit to baseline.
 *
 * <p>On a shared machine the load changes from minute to minute, so a kit measured five minutes
 * after its baseline may look better or worse than it is. Each round therefore runs every
 * benchmark of a class once: one fork, 5 warmup and 5 measurement iterations of 1 s. The baseline
 * runs first in odd rounds and last in even ones, and each ratio is taken between medians of the
 * same round. The summary gives the median over rounds and the lowest and highest round.
 *
 * <p>Arguments: {@code rounds=N} (default 3) and any number of regular expressions that select
 * benchmarks by {@code Class.method} name. The summary is also written to {@code
 * target/bench/jmh-summary.md}.
 */
public final class BenchRunner {

  /** Benchmark methods per class, baseline first. */
  private static final Map<Class<?>, List<String>> BENCHMARKS = new LinkedHashMap<>();

  /** Kit benchmark and the baseline it is compared with, as {@code Class.method} names. */
  private static final List<String[]> COMPARISONS = new ArrayList<>();

  static {
    BENCHMARKS.put(ParseBenchmark.class, List.of("jacksonReadTree", "skillsRequestParse"));
    BENCHMARKS.put(
        SignatureBenchmark.class, List.of("macReused", "macCreatedPerCall", "kitVerify"));
    BENCHMARKS.put(
        CardsBenchmark.class, List.of("jacksonTranscriptJson", "transcriptCard", "keywordCard"));
    COMPARISONS.add(
        new String[] {"ParseBenchmark.skillsRequestParse", "ParseBenchmark.jacksonReadTree"});
    COMPARISONS.add(new String[] {"SignatureBenchmark.kitVerify", "SignatureBenchmark.macReused"});
    COMPARISONS.add(
        new String[] {"SignatureBenchmark.kitVerify", "SignatureBenchmark.macCreatedPerCall"});
    COMPARISONS.add(
        new String[] {"CardsBenchmark.transcriptCard", "CardsBenchmark.jacksonTranscriptJson"});
  }

  private BenchRunner() {}

  /**
   * Runs the selected benchmarks.
   *
   * @param args {@code rounds=N} and regular expressions selecting benchmarks
   * @throws RunnerException if JMH fails to run a benchmark
   * @throws IOException if the summary cannot be written
   */
  public static void main(String[] args) throws RunnerException, IOException {
    int rounds = 3;
    List<Pattern> filters = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("rounds=")) {
        rounds = Integer.parseInt(arg.substring("rounds=".length()));
      } else if (!arg.isBlank()) {
        filters.add(Pattern.compile(arg));
      }
    }

    String started = ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    String loadBefore = MachineInfo.loadAverage();
    Map<String, List<Round>> results = new LinkedHashMap<>();
    for (int round = 1; round <= rounds; round++) {
      for (Map.Entry<Class<?>, List<String>> entry : BENCHMARKS.entrySet()) {
        List<String> methods = new ArrayList<>(entry.getValue());
        if (round % 2 == 0) {
          Collections.reverse(methods);
        }
        for (String method : methods) {
          String name = entry.getKey().getSimpleName() + "." + method;
          if (!selected(name, filters)) {
            continue;
          }
          System.out.printf(Locale.ROOT, "%n=== round %d of %d: %s%n", round, rounds, name);
          results
              .computeIfAbsent(name, key -> new ArrayList<>())
              .add(run(entry.getKey().getName() + "." + method));
        }
      }
    }

    String summary = summarise(results, rounds, started, loadBefore);
    System.out.println();
    System.out.println(summary);
    Path out = Path.of("target", "bench", "jmh-summary.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, summary, StandardCharsets.UTF_8);
  }

  private static boolean selected(String name, List<Pattern> filters) {
    if (filters.isEmpty()) {
      return true;
    }
    for (Pattern filter : filters) {
      if (filter.matcher(name).find()) {
        return true;
      }
    }
    return false;
  }

  private static Round run(String fullName) throws RunnerException {
    Options options =
        new OptionsBuilder()
            .include("^" + Pattern.quote(fullName) + "$")
            .forks(1)
            .warmupIterations(5)
            .measurementIterations(5)
            .addProfiler(GCProfiler.class)
            .build();
    Collection<RunResult> runs = new Runner(options).run();
    if (runs.isEmpty()) {
      throw new IllegalStateException(
          "JMH returned no result for " + fullName + "; its output above says why");
    }
    RunResult result = runs.iterator().next();
    Statistics statistics = result.getPrimaryResult().getStatistics();
    Result<?> allocation = result.getSecondaryResults().get("gc.alloc.rate.norm");
    return new Round(
        statistics.getPercentile(50),
        statistics.getPercentile(90),
        statistics.getPercentile(99),
        allocation == null ? Double.NaN : allocation.getScore());
  }

  private static String summarise(
      Map<String, List<Round>> results, int rounds, String started, String loadBefore) {
    StringBuilder text = new StringBuilder();
    text.append("JMH summary, ")
        .append(rounds)
        .append(" alternating rounds of 1 fork x (5 warmup + 5 measurement) x 1 s\n\n");
    text.append(MachineInfo.describe())
        .append("Started: ")
        .append(started)
        .append("; load average before: ")
        .append(loadBefore)
        .append(", after: ")
        .append(MachineInfo.loadAverage())
        .append("\n\n");

    text.append("| benchmark | median (us) | min-max over rounds | p90 | p99 | alloc (B/op) |\n");
    text.append("|---|---|---|---|---|---|\n");
    for (Map.Entry<String, List<Round>> entry : results.entrySet()) {
      List<Round> list = entry.getValue();
      text.append(
          String.format(
              Locale.ROOT,
              "| %s | %.3f | %.3f-%.3f | %.3f | %.3f | %.0f |%n",
              entry.getKey(),
              median(list, Round::p50),
              min(list, Round::p50),
              max(list, Round::p50),
              median(list, Round::p90),
              median(list, Round::p99),
              median(list, Round::allocatedBytes)));
    }

    text.append("\n| comparison | median ratio | min-max over rounds |\n|---|---|---|\n");
    for (String[] pair : COMPARISONS) {
      List<Round> kit = results.get(pair[0]);
      List<Round> baseline = results.get(pair[1]);
      if (kit == null || baseline == null) {
        continue;
      }
      List<Round> ratios = new ArrayList<>();
      for (int i = 0; i < Math.min(kit.size(), baseline.size()); i++) {
        ratios.add(new Round(kit.get(i).p50() / baseline.get(i).p50(), 0, 0, 0));
      }
      text.append(
          String.format(
              Locale.ROOT,
              "| %s / %s | %.2f | %.2f-%.2f |%n",
              pair[0],
              pair[1],
              median(ratios, Round::p50),
              min(ratios, Round::p50),
              max(ratios, Round::p50)));
    }
    return text.toString();
  }

  private static double median(List<Round> rounds, ToDoubleFunction<Round> f) {
    double[] values = rounds.stream().mapToDouble(f).sorted().toArray();
    int middle = values.length / 2;
    return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
  }

  private static double min(List<Round> rounds, ToDoubleFunction<Round> f) {
    return rounds.stream().mapToDouble(f).min().orElse(Double.NaN);
  }

  private static double max(List<Round> rounds, ToDoubleFunction<Round> f) {
    return rounds.stream().mapToDouble(f).max().orElse(Double.NaN);
  }

  /** Percentiles of one round in microseconds, and the bytes allocated per operation. */
  private record Round(double p50, double p90, double p99, double allocatedBytes) {}
}
