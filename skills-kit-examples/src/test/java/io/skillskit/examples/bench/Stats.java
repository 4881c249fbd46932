package io.skillskit.examples.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of measured values, by the nearest-rank method. */
final class Stats {

  private Stats() {}

  /** Returns the value at percentile {@code p} (0 to 100) of {@code values}, which need no order. */
  static double percentile(double[] values, double p) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  /** Returns the median of a list. */
  static double median(List<Double> values) {
    return percentile(values.stream().mapToDouble(Double::doubleValue).toArray(), 50);
  }

  /** Returns the smallest value of a list. */
  static double min(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  /** Returns the largest value of a list. */
  static double max(List<Double> values) {
    return values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
  }
}
