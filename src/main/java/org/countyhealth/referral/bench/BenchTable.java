package org.countyhealth.referral.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The referral benchmark's printed table: measure and value rows, percentiles in milliseconds. */
final class BenchTable {

  private final StringBuilder out = new StringBuilder("\n| measure | value |\n| --- | --- |\n");

  void row(String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  @Override
  public String toString() {
    return out.toString();
  }

  static long ms(long nanos) {
    return TimeUnit.NANOSECONDS.toMillis(nanos);
  }

  /**
   * The {@code p}th percentile (nearest rank) in milliseconds, or a dash when nothing was timed.
   */
  static String pct(List<Long> nanos, int p) {
    if (nanos.isEmpty()) {
      return "—";
    }
    List<Long> sorted = new ArrayList<>(nanos);
    Collections.sort(sorted);
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return String.format("%.1f", sorted.get(Math.max(0, i)) / 1e6);
  }
}
