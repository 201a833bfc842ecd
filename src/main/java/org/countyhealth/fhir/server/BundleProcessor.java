package org.countyhealth.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.fhir.server.BundlePlan.Mode;
import org.countyhealth.fhir.server.BundlePlan.Step;
import org.countyhealth.fhir.server.BundleWrites.Written;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transaction and batch bundles, for {@code POST /fhir} and the bulk import. A transaction is one
 * database transaction: every entry and the session's deferred work, or nothing. A batch gives each
 * entry its own transaction and answers each entry's status.
 */
@Component
public class BundleProcessor {

  /** What a bundle did: the response bundle and the counts an import reports. */
  public record Result(Bundle response, int created, int existing, Map<String, Integer> skipped) {}

  private final ResourceWriters writers;
  private final FhirContext context;
  private final TransactionTemplate transaction;
  private final AuditTrail auditTrail;

  BundleProcessor(
      ResourceWriters writers,
      FhirContext context,
      PlatformTransactionManager transactions,
      AuditTrail auditTrail) {
    this.writers = writers;
    this.context = context;
    this.transaction = new TransactionTemplate(transactions);
    this.auditTrail = auditTrail;
  }

  /** The platform holds these types; an import skips the others. */
  public boolean holds(String type) {
    return writers.supports(type);
  }

  /** {@code POST /fhir}: a transaction or a batch, by the bundle's type. */
  Bundle process(Bundle bundle, Actor actor) {
    BundleType type = bundle.getType();
    if (type == BundleType.TRANSACTION) {
      return transaction(bundle, actor, false).response();
    }
    if (type == BundleType.BATCH) {
      return batch(bundle, actor, false).response();
    }
    String message =
        "POST /fhir 只接受 transaction 或 batch 类型的 Bundle，收到的是 "
            + (type == null ? "（缺失）" : type.toCode());
    InvalidRequestException e = new InvalidRequestException(message);
    e.setOperationOutcome(
        EntryFailures.outcome(OperationOutcome.IssueType.INVALID, message, "Bundle.type"));
    throw e;
  }

  /**
   * All or nothing. Throws a FHIR error with a located OperationOutcome when any entry is refused;
   * nothing is stored then. An import skips types the platform does not hold and is idempotent by
   * the resources' identifiers. Entries a {@link BatchWriter} takes together (a bundle's patients,
   * which refer to no other entry) are written first, in one batch.
   */
  public Result transaction(Bundle bundle, Actor actor, boolean importing) {
    BundlePlan plan = BundlePlan.of(bundle, writers, context, actor, mode(importing));
    Bundle response = response(bundle, BundleType.TRANSACTIONRESPONSE);
    int[] counts = new int[2];
    transaction.executeWithoutResult(
        status -> {
          WriteSession session = new WriteSession(auditTrail);
          BundleWrites writes = new BundleWrites(actor, plan.skippedUrls());
          Map<Step, Written> done = new HashMap<>();
          together(plan).forEach(steps -> done.putAll(writes.writeTogether(steps, session)));
          for (Step step : plan.order()) {
            Written written = done.get(step);
            if (written == null) {
              try {
                session.writing(step.index());
                written = writes.write(step, session);
              } catch (RuntimeException e) {
                throw EntryFailures.at(step.index(), e);
              }
            }
            counts[written.created() ? 0 : 1]++;
            respond(response.getEntry().get(step.index()), written);
          }
          session.writing(null);
          // Refusals of the deferred work come out located at the entries that caused them.
          session.complete();
        });
    markSkipped(response, plan);
    return new Result(response, counts[0], counts[1], skippedByType(plan));
  }

  /** Each entry on its own: a refused entry answers its status and OperationOutcome. */
  public Result batch(Bundle bundle, Actor actor, boolean importing) {
    BundlePlan plan = BundlePlan.of(bundle, writers, context, actor, mode(importing));
    Bundle response = response(bundle, BundleType.BATCHRESPONSE);
    BundleWrites writes = new BundleWrites(actor, plan.skippedUrls());
    int[] counts = new int[2];
    for (Step step : plan.order()) {
      BundleEntryComponent answer = response.getEntry().get(step.index());
      try {
        Written written =
            transaction.execute(
                status -> {
                  WriteSession session = new WriteSession(auditTrail);
                  Written w = writes.write(step, session);
                  session.complete();
                  return w;
                });
        counts[written.created() ? 0 : 1]++;
        respond(answer, written);
      } catch (RuntimeException e) {
        BaseServerResponseException refusal = EntryFailures.at(step.index(), e);
        answer.getResponse().setStatus(EntryFailures.statusLine(refusal.getStatusCode()));
        answer.getResponse().setOutcome((OperationOutcome) refusal.getOperationOutcome());
      }
    }
    markSkipped(response, plan);
    return new Result(response, counts[0], counts[1], skippedByType(plan));
  }

  /** The entries each {@link BatchWriter} takes together: those that refer to no other entry. */
  private static Collection<List<Step>> together(BundlePlan plan) {
    Map<ResourceWriter<?>, List<Step>> groups = new LinkedHashMap<>();
    for (Step step : plan.order()) {
      if (step.writer() instanceof BatchWriter<?> && step.localReferences().isEmpty()) {
        groups.computeIfAbsent(step.writer(), w -> new ArrayList<>()).add(step);
      }
    }
    return groups.values();
  }

  private static void respond(BundleEntryComponent answer, Written written) {
    answer
        .getResponse()
        .setStatus(written.created() ? "201 Created" : "200 OK")
        .setLocation(written.id().toUnqualifiedVersionless().getValue());
  }

  private static Bundle response(Bundle request, BundleType type) {
    Bundle response = new Bundle().setType(type);
    for (int i = 0; i < request.getEntry().size(); i++) {
      response.addEntry();
    }
    return response;
  }

  private static void markSkipped(Bundle response, BundlePlan plan) {
    plan.skipped()
        .forEach(
            (index, type) -> {
              String message = "本平台不保存 " + type + " 资源，已跳过";
              response
                  .getEntry()
                  .get(index)
                  .getResponse()
                  .setStatus(EntryFailures.statusLine(422))
                  .setOutcome(
                      EntryFailures.outcome(
                          OperationOutcome.IssueType.NOTSUPPORTED,
                          message,
                          EntryFailures.location(index)));
            });
  }

  private static Map<String, Integer> skippedByType(BundlePlan plan) {
    Map<String, Integer> counts = new TreeMap<>();
    plan.skipped().values().forEach(t -> counts.merge(t, 1, Integer::sum));
    return counts;
  }

  private static Mode mode(boolean importing) {
    return importing ? Mode.IMPORT : Mode.REQUEST;
  }
}
