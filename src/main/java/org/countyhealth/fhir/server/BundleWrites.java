package org.countyhealth.fhir.server;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.fhir.server.BatchWriter.EntryRefused;
import org.countyhealth.fhir.server.BundlePlan.Step;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The entries of one bundle as they are written: what each {@code urn:uuid:} fullUrl and each
 * conditional create became, so later entries point to the local ids and a repeated condition is
 * answered once. Refusals come out located at their entry.
 */
final class BundleWrites {

  /** What an entry became: its local id, and whether it was created (201) or already held (200). */
  record Written(IdType id, boolean created) {}

  private final Actor actor;
  private final Set<String> skippedUrls;
  private final Map<String, IdType> resolved = new HashMap<>();
  private final Map<String, IdType> conditional = new HashMap<>();

  BundleWrites(Actor actor, Set<String> skippedUrls) {
    this.actor = actor;
    this.skippedUrls = skippedUrls;
  }

  /** Writes one entry; a refusal is thrown as the writer threw it (the caller locates it). */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Written write(Step step, WriteSession session) {
    Optional<IdType> existing = existing(step);
    if (existing.isPresent()) {
      return new Written(existing.get(), false);
    }
    localise(step);
    ResourceWriter writer = step.writer();
    IdType id = writer.create((IBaseResource) step.resource(), actor, session);
    created(step, id);
    // A writer may answer a resource it already held (the resident index's certain match): 200.
    return new Written(id, session.created(id));
  }

  /**
   * Writes entries of one {@link BatchWriter} that refer to no other entry, together; a refusal is
   * thrown located at its entry. The same resource answered twice is created only once.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  Map<Step, Written> writeTogether(List<Step> steps, WriteSession session) {
    Map<Step, Written> written = new LinkedHashMap<>();
    List<Step> fresh = new ArrayList<>();
    for (Step step : steps) {
      try {
        existing(step)
            .ifPresentOrElse(
                id -> written.put(step, new Written(id, false)), () -> fresh.add(step));
      } catch (RuntimeException e) {
        throw EntryFailures.at(step.index(), e);
      }
    }
    if (fresh.isEmpty()) {
      return written;
    }
    BatchWriter writer = (BatchWriter) fresh.get(0).writer();
    List<Resource> resources = fresh.stream().map(Step::resource).toList();
    List<IdType> ids;
    try {
      ids = writer.createAll(resources, actor, session);
    } catch (EntryRefused e) {
      throw EntryFailures.at(fresh.get(e.position()).index(), e.reason());
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < fresh.size(); i++) {
      IdType id = ids.get(i);
      created(fresh.get(i), id);
      boolean first = seen.add(id.toUnqualifiedVersionless().getValue());
      written.put(fresh.get(i), new Written(id, first && session.created(id)));
    }
    return written;
  }

  /** The resource a conditional create names, already held or created earlier in this bundle. */
  private Optional<IdType> existing(Step step) {
    if (step.ifNoneExist() == null) {
      return Optional.empty();
    }
    IdType known = conditional.get(conditionKey(step));
    Optional<IdType> existing =
        known != null ? Optional.of(known) : step.writer().existing(step.ifNoneExist(), actor);
    existing.ifPresent(id -> remember(step, id));
    return existing;
  }

  /** Points the entry's {@code urn:uuid:} references at what their entries became. */
  private void localise(Step step) {
    for (Reference reference : step.localReferences()) {
      IdType target = resolved.get(reference.getReference());
      if (target != null) {
        reference.setReference(target.toUnqualifiedVersionless().getValue());
      } else if (skippedUrls.contains(reference.getReference())) {
        // An import keeps what the platform holds: a reference to a skipped entry is dropped.
        reference.setReference(null);
      } else {
        throw EntryFailures.invalid(
            "引用的条目 " + reference.getReference() + " 未能创建，本条目不予保存",
            EntryFailures.location(step.index()) + ".resource");
      }
    }
  }

  private void created(Step step, IdType id) {
    if (step.ifNoneExist() != null) {
      conditional.put(conditionKey(step), id);
    }
    remember(step, id);
  }

  private void remember(Step step, IdType id) {
    if (step.fullUrl() != null) {
      resolved.put(step.fullUrl(), id);
    }
  }

  private static String conditionKey(Step step) {
    return step.resource().fhirType() + "?" + step.ifNoneExist();
  }
}
