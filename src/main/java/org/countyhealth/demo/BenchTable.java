package org.countyhealth.demo;

import java.util.Arrays;

/** The printed table of the resident and FHIR benchmarks: measure and value rows. */
final class BenchTable {

  private final StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");

  void row(String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }

  /** p50 / p95 / p99 (nearest rank) in milliseconds. */
  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "%.1f / %.1f / %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
