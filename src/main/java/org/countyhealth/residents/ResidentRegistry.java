package org.countyhealth.residents;

import java.util.List;
import org.countyhealth.shared.DataScope;

/**
 * Registration into the master index, with matching on every registration and import; merge and
 * unmerge. Refusals are {@link org.countyhealth.shared.BusinessException}s and change nothing.
 */
public interface ResidentRegistry {

  RegistrationOutcome register(RegistrationRequest request);

  /**
   * Registers many at once (imports, FHIR bundles, the demo county): one transaction, matched as a
   * batch (later requests also match earlier ones). A refusal is a {@link RegistrationRefused}
   * naming the request; nothing is written then.
   */
  List<RegistrationOutcome> registerAll(List<RegistrationRequest> requests);

  /** What a registration would decide, without writing anything (the form's duplicate warning). */
  RegistrationOutcome preview(RegistrationRequest request);

  /** Merges {@code mergedId} into {@code survivorId}; answers the merge id. */
  long merge(long survivorId, long mergedId, String reason, String actor);

  /** Undoes a merge, restoring both records exactly. */
  void unmerge(long mergeId, String actor);

  /**
   * Active residents within the scope by exact identifier, phone, or name (characters or pinyin)
   * with an optional birth year.
   */
  List<ResidentSummary> search(String query, Integer birthYear, DataScope scope, int limit);

  /** Scans the whole index for duplicates on the calling thread (jobs, benchmarks). */
  DuplicateScanReport scanDuplicates();

  /** Pairs awaiting review, highest weight first. */
  List<PotentialDuplicate> potentialDuplicates(int limit);
}
