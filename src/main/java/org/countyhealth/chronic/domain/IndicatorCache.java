package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Computed indicator counts per (kind, scope, period), in memory and bounded (least recently used
 * out). An {@link IndicatorInputsChanged} evicts the periods it touches once the change's
 * transaction has ended; a figure computed while a change was under way is not kept, so the cache
 * never holds a figure older than the last change (docs/adr/0006).
 */
@Component
class IndicatorCache {

  enum Kind {
    PERIOD,
    COHORT,
    /**
     * Residents aged ≥ 35 per facility or grid, the 管理率 denominator: the residents module announces
     * no registration, so these expire after {@link #POPULATION_TTL_NANOS} instead.
     */
    POPULATION
  }

  /** A cached figure: its period {@code start}–{@code end}; a cohort depends on every date. */
  record Key(Kind kind, String scope, LocalDate start, LocalDate end, String detail) {

    boolean touchedBy(IndicatorInputsChanged c) {
      return switch (kind) {
        case COHORT -> true;
        case POPULATION -> false;
        case PERIOD -> !(end.isBefore(c.from()) || start.isAfter(c.to()));
      };
    }
  }

  private record Entry(Object value, long at) {}

  private static final int CAPACITY = 256;

  static final long POPULATION_TTL_NANOS = 5L * 60 * 1_000_000_000;

  private final Map<Key, Entry> entries =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
          return size() > CAPACITY;
        }
      };

  private long changes;

  @SuppressWarnings("unchecked")
  <T> T get(Key key, Supplier<T> compute) {
    long before;
    synchronized (entries) {
      Entry hit = entries.get(key);
      if (hit != null
          && (key.kind() != Kind.POPULATION
              || System.nanoTime() - hit.at() < POPULATION_TTL_NANOS)) {
        return (T) hit.value();
      }
      before = changes;
    }
    T value = compute.get();
    synchronized (entries) {
      if (changes == before) {
        entries.put(key, new Entry(value, System.nanoTime()));
      }
    }
    return value;
  }

  @EventListener
  void on(IndicatorInputsChanged change) {
    evict(change);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // Again once the change is visible to other transactions (or rolled back).
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
              evict(change);
            }
          });
    }
  }

  void evict(IndicatorInputsChanged change) {
    synchronized (entries) {
      changes++;
      entries.keySet().removeIf(k -> k.touchedBy(change));
    }
  }

  /** Everything, the population included: the benchmark's way to start from cold. */
  void clear() {
    synchronized (entries) {
      changes++;
      entries.clear();
    }
  }
}
