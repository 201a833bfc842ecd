package org.countyhealth.fhir.imports;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.fhir.server.BundleProcessor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.OperationOutcomeIssueComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * The running counts of one job and its rejections, written to the job row as it goes. The job's
 * workers share it: every method holds its lock.
 */
final class ImportTally {

  private static final Pattern ENTRY = Pattern.compile("Bundle\\.entry\\[(\\d+)]");

  private final long job;
  private final ImportJobs jobs;
  private int processed;
  private int created;
  private int existing;
  private int rejected;
  private int skipped;
  private final Map<String, Integer> skippedByType = new TreeMap<>();

  ImportTally(long job, ImportJobs jobs) {
    this.job = job;
    this.jobs = jobs;
  }

  synchronized void save() {
    jobs.progress(job, counts());
  }

  synchronized ImportJob.Counts counts() {
    return new ImportJob.Counts(processed, created, existing, rejected, skipped, skippedByType);
  }

  synchronized String summary() {
    return "新建 " + created + "，已存在 " + existing + "，跳过 " + skipped + "，拒绝 " + rejected;
  }

  /** A transaction (or an NDJSON line) that was stored. */
  synchronized void transaction(Bundle bundle, BundleProcessor.Result result) {
    processed += bundle.getEntry().size();
    created += result.created();
    existing += result.existing();
    skip(result.skipped());
  }

  /** A batch: each entry counted by its own status. */
  synchronized void batch(
      String file, Bundle bundle, BundleProcessor.Result result, BundleProcessor processor) {
    processed += bundle.getEntry().size();
    created += result.created();
    existing += result.existing();
    skip(result.skipped());
    List<BundleEntryComponent> answers = result.response().getEntry();
    for (int i = 0; i < answers.size(); i++) {
      BundleEntryComponent answer = answers.get(i);
      String type = typeOf(bundle, i);
      if (type != null && !processor.holds(type)) {
        continue;
      }
      String status = answer.getResponse().getStatus();
      if (status != null && !status.startsWith("2")) {
        rejected++;
        OperationOutcome outcome = (OperationOutcome) answer.getResponse().getOutcome();
        jobs.reject(
            job,
            new ImportJob.Rejection(
                file,
                outcome == null ? "Bundle.entry[" + i + "]" : where(outcome.getIssueFirstRep()),
                type,
                Integer.parseInt(status.substring(0, 3)),
                outcome == null ? status : outcome.getIssueFirstRep().getDiagnostics()));
      }
    }
  }

  /**
   * A refused transaction stores nothing: each entry the refusal names is rejected with its reason,
   * every other entry the platform holds is rejected as rolled back with it.
   */
  synchronized void refusedTransaction(
      String file, Bundle bundle, BaseServerResponseException refusal, BundleProcessor processor) {
    processed += bundle.getEntry().size();
    Set<Integer> named = new HashSet<>();
    OperationOutcome outcome =
        refusal.getOperationOutcome() instanceof OperationOutcome oo ? oo : new OperationOutcome();
    for (OperationOutcomeIssueComponent issue : outcome.getIssue()) {
      String where = where(issue);
      int index = index(where);
      if (index >= 0 && named.add(index)) {
        rejected++;
      }
      jobs.reject(
          job,
          new ImportJob.Rejection(
              file, where, typeOf(bundle, index), refusal.getStatusCode(), issue.getDiagnostics()));
    }
    String cause = named.isEmpty() ? "Bundle" : "Bundle.entry[" + named.iterator().next() + "]";
    for (int i = 0; i < bundle.getEntry().size(); i++) {
      String type = typeOf(bundle, i);
      if (type != null && !processor.holds(type)) {
        skipped++;
        skippedByType.merge(type, 1, Integer::sum);
      } else if (!named.contains(i)) {
        rejected++;
        jobs.reject(
            job,
            new ImportJob.Rejection(
                file,
                "Bundle.entry[" + i + "]",
                type,
                refusal.getStatusCode(),
                "同一事务中的 " + cause + " 被拒绝，本条目随事务回滚，未保存"));
      }
    }
  }

  synchronized void refusedLine(
      String file, String line, String type, BaseServerResponseException refusal) {
    processed++;
    rejected++;
    OperationOutcome outcome =
        refusal.getOperationOutcome() instanceof OperationOutcome oo ? oo : new OperationOutcome();
    OperationOutcomeIssueComponent issue = outcome.getIssueFirstRep();
    String where = where(issue).replace("Bundle.entry[0]", line);
    String reason =
        issue.hasDiagnostics() ? issue.getDiagnostics() : String.valueOf(refusal.getMessage());
    jobs.reject(
        job,
        new ImportJob.Rejection(
            file, where.isEmpty() ? line : where, type, refusal.getStatusCode(), reason));
  }

  synchronized void rejectLine(String file, String line, String type, int status, String reason) {
    processed++;
    rejected++;
    jobs.reject(job, new ImportJob.Rejection(file, line, type, status, reason));
  }

  synchronized void rejectFile(String file, String reason) {
    processed++;
    rejected++;
    jobs.reject(job, new ImportJob.Rejection(file, "整个文件", null, 400, reason));
  }

  private void skip(Map<String, Integer> byType) {
    byType.forEach(
        (type, n) -> {
          skipped += n;
          skippedByType.merge(type, n, Integer::sum);
        });
  }

  private static String where(OperationOutcomeIssueComponent issue) {
    return String.join(" ", issue.getExpression().stream().map(StringType::getValue).toList());
  }

  private static int index(String where) {
    Matcher m = ENTRY.matcher(where);
    return m.find() ? Integer.parseInt(m.group(1)) : -1;
  }

  private static String typeOf(Bundle bundle, int index) {
    return index >= 0
            && index < bundle.getEntry().size()
            && bundle.getEntry().get(index).hasResource()
        ? bundle.getEntry().get(index).getResource().fhirType()
        : null;
  }
}
