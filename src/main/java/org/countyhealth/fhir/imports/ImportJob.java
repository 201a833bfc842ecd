package org.countyhealth.fhir.imports;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** An import job as stored: status, progress and the report's counts. */
public record ImportJob(
    long id,
    Status status,
    String submittedBy,
    String facilityCode,
    Instant submittedAt,
    Instant startedAt,
    Instant finishedAt,
    int total,
    Counts counts,
    String message) {

  public enum Status {
    QUEUED("排队中"),
    RUNNING("导入中"),
    DONE("已完成"),
    FAILED("失败"),
    INTERRUPTED("已中断");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }

    public boolean finished() {
      return this == DONE || this == FAILED || this == INTERRUPTED;
    }
  }

  /** Entries processed so far and what became of them. */
  public record Counts(
      int processed,
      int created,
      int existing,
      int rejected,
      int skipped,
      Map<String, Integer> skippedByType) {

    public Counts {
      skippedByType = new TreeMap<>(skippedByType);
    }

    static Counts none() {
      return new Counts(0, 0, 0, 0, 0, Map.of());
    }
  }

  /** An entry not stored: where it is and why. */
  public record Rejection(
      String file, String location, String resourceType, int status, String reason) {}

  /** Percent done, for the progress bar. */
  public int percent() {
    return total == 0 ? (status.finished() ? 100 : 0) : (int) (100L * counts.processed() / total);
  }

  public String statusLabel() {
    return status.label();
  }

  public boolean finished() {
    return status.finished();
  }
}
