package org.countyhealth.fhir.imports;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Import jobs, their stored files and their rejected entries. */
@Repository
class ImportJobs {

  private static final String COLUMNS =
      "id, status, submitted_by, facility_code, submitted_at, started_at, finished_at, total,"
          + " processed, created, existing, rejected, skipped, skipped_types, message";

  private final JdbcClient jdbc;

  ImportJobs(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String submittedBy, String facilityCode, Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO fhir.import_job (status, submitted_by, facility_code, submitted_at)"
                + " VALUES (?, ?, ?, ?)")
        .params(ImportJob.Status.QUEUED.name(), submittedBy, facilityCode, utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Long.class);
  }

  void insertFile(long job, int seq, ImportFile file) {
    jdbc.sql(
            "INSERT INTO fhir.import_file (job_id, seq, name, kind, content) VALUES (?, ?, ?, ?,"
                + " ?)")
        .params(job, seq, file.name(), file.kind().name(), file.content())
        .update();
  }

  /** The files of a job, one at a time, in upload order. */
  List<Integer> fileNumbers(long job) {
    return jdbc.sql("SELECT seq FROM fhir.import_file WHERE job_id = ? ORDER BY seq")
        .param(job)
        .query(Integer.class)
        .list();
  }

  ImportFile file(long job, int seq) {
    return jdbc.sql("SELECT name, kind, content FROM fhir.import_file WHERE job_id = ? AND seq = ?")
        .params(job, seq)
        .query(
            (rs, row) ->
                new ImportFile(
                    rs.getString("name"),
                    ImportFile.Kind.valueOf(rs.getString("kind")),
                    rs.getString("content")))
        .single();
  }

  void copyFiles(long from, long to) {
    jdbc.sql(
            "INSERT INTO fhir.import_file (job_id, seq, name, kind, content) SELECT ?, seq, name,"
                + " kind, content FROM fhir.import_file WHERE job_id = ?")
        .params(to, from)
        .update();
  }

  Optional<ImportJob> find(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM fhir.import_job WHERE id = ?")
        .param(id)
        .query(ImportJobs::map)
        .optional();
  }

  List<ImportJob> recent(int limit) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM fhir.import_job ORDER BY id DESC LIMIT ?")
        .param(limit)
        .query(ImportJobs::map)
        .list();
  }

  void start(long id, int total, Instant now) {
    jdbc.sql("UPDATE fhir.import_job SET status = ?, total = ?, started_at = ? WHERE id = ?")
        .params(ImportJob.Status.RUNNING.name(), total, utc(now), id)
        .update();
  }

  void progress(long id, ImportJob.Counts counts) {
    jdbc.sql(
            "UPDATE fhir.import_job SET processed = ?, created = ?, existing = ?, rejected = ?,"
                + " skipped = ?, skipped_types = ? WHERE id = ?")
        .params(
            counts.processed(),
            counts.created(),
            counts.existing(),
            counts.rejected(),
            counts.skipped(),
            format(counts.skippedByType()),
            id)
        .update();
  }

  void finish(long id, ImportJob.Status status, String message, Instant now) {
    jdbc.sql("UPDATE fhir.import_job SET status = ?, message = ?, finished_at = ? WHERE id = ?")
        .params(status.name(), message, utc(now), id)
        .update();
  }

  /** Jobs a restart cut short: they were queued or running in the previous process. */
  int interruptUnfinished(String message, Instant now) {
    return jdbc.sql(
            "UPDATE fhir.import_job SET status = ?, message = ?, finished_at = ? WHERE status IN"
                + " (?, ?)")
        .params(
            ImportJob.Status.INTERRUPTED.name(),
            message,
            utc(now),
            ImportJob.Status.QUEUED.name(),
            ImportJob.Status.RUNNING.name())
        .update();
  }

  void reject(long job, ImportJob.Rejection rejection) {
    jdbc.sql(
            "INSERT INTO fhir.import_rejection (job_id, file_name, location, resource_type,"
                + " status, reason) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            job,
            cut(rejection.file(), 255),
            cut(rejection.location(), 300),
            rejection.resourceType(),
            rejection.status(),
            cut(rejection.reason(), 2000))
        .update();
  }

  List<ImportJob.Rejection> rejections(long job, int limit) {
    return jdbc.sql(
            "SELECT file_name, location, resource_type, status, reason FROM"
                + " fhir.import_rejection WHERE job_id = ? ORDER BY id LIMIT ?")
        .params(job, limit)
        .query(
            (rs, row) ->
                new ImportJob.Rejection(
                    rs.getString("file_name"),
                    rs.getString("location"),
                    rs.getString("resource_type"),
                    rs.getInt("status"),
                    rs.getString("reason")))
        .list();
  }

  private static ImportJob map(ResultSet rs, int row) throws SQLException {
    return new ImportJob(
        rs.getLong("id"),
        ImportJob.Status.valueOf(rs.getString("status")),
        rs.getString("submitted_by"),
        rs.getString("facility_code"),
        instant(rs.getTimestamp("submitted_at")),
        instant(rs.getTimestamp("started_at")),
        instant(rs.getTimestamp("finished_at")),
        rs.getInt("total"),
        new ImportJob.Counts(
            rs.getInt("processed"),
            rs.getInt("created"),
            rs.getInt("existing"),
            rs.getInt("rejected"),
            rs.getInt("skipped"),
            parse(rs.getString("skipped_types"))),
        rs.getString("message"));
  }

  static String format(Map<String, Integer> byType) {
    return byType.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }

  static Map<String, Integer> parse(String text) {
    Map<String, Integer> byType = new TreeMap<>();
    if (text != null && !text.isBlank()) {
      for (String pair : text.split(",")) {
        String[] kv = pair.split("=");
        byType.put(kv[0], Integer.valueOf(kv[1]));
      }
    }
    return byType;
  }

  private static String cut(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
  }
}
