package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The reading tally of the data-quality signal (ADR 0006): per year and recording facility, the
 * follow-ups counted and those with a systolic of 130–139 and 140–149. One row per facility and
 * year is a hot row, so a transaction's counts are added up and written just before it commits: the
 * row is locked for the commit only, not for the rest of the transaction (an import of a bundle
 * with many follow-ups at one facility).
 */
@Component
class ReadingTally {

  private record Key(int year, String facility) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int byYear = Integer.compare(year, o.year);
      return byYear != 0 ? byYear : facility.compareTo(o.facility);
    }
  }

  private final JdbcClient jdbc;

  ReadingTally(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Counts a follow-up recorded ({@code sign} 1) or voided (-1) at {@code facility}. */
  void count(LocalDate visitOn, String facility, Integer systolic, int sign) {
    boolean below = systolic != null && systolic >= 130 && systolic <= 139;
    boolean above = systolic != null && systolic >= 140 && systolic <= 149;
    int[] change = {sign, below ? sign : 0, above ? sign : 0};
    Key key = new Key(visitOn.getYear(), facility);
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      add(key, change);
      return;
    }
    pending().merge(key, change, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1], a[2] + b[2]});
  }

  /** This transaction's counts, written before it commits (in key order: no deadlock). */
  @SuppressWarnings("unchecked")
  private Map<Key, int[]> pending() {
    Object bound = TransactionSynchronizationManager.getResource(this);
    if (bound != null) {
      return (Map<Key, int[]>) bound;
    }
    Map<Key, int[]> counts = new TreeMap<>();
    TransactionSynchronizationManager.bindResource(this, counts);
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void beforeCommit(boolean readOnly) {
            counts.forEach(ReadingTally.this::add);
            counts.clear();
          }

          @Override
          public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(ReadingTally.this);
          }
        });
    return counts;
  }

  /**
   * The first statement creates the row without a race (a concurrent twin waits and does nothing);
   * the second counts under the row's lock.
   */
  private void add(Key key, int[] change) {
    jdbc.sql(
            "INSERT INTO chronic.reading_tally (year, facility_code, visits, below, above)"
                + " VALUES (?, ?, 0, 0, 0) ON CONFLICT DO NOTHING")
        .params(key.year(), key.facility())
        .update();
    jdbc.sql(
            "UPDATE chronic.reading_tally SET visits = visits + ?, below = below + ?,"
                + " above = above + ? WHERE year = ? AND facility_code = ?")
        .params(change[0], change[1], change[2], key.year(), key.facility())
        .update();
  }
}
