package org.countyhealth.chronic.domain;

import java.util.Arrays;

/**
 * The chronic benchmark's printed table: measure and value rows, each also printed as it is
 * measured so that a long run shows its figures early.
 */
final class BenchTable {

  private final StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");

  void row(String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
    System.out.println("BENCH | " + measure + " | " + value + " |");
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static String ms(long nanos) {
    return String.format("%.0f ms", nanos / 1e6);
  }

  /** p50 / p95 / p99 (nearest rank) in milliseconds. */
  static String percentiles(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return String.format(
        "%.1f / %.1f / %.1f ms", at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
  }

  static String loadAverage() {
    return String.format(
        "%.2f",
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
  }

  private static double at(long[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
  }
}
