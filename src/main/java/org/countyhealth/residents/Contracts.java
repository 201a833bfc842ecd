package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * Family-doctor contracts (家庭医生签约) for trusted callers: the demo generator and imports. A refused
 * input throws {@link org.countyhealth.shared.BusinessException} and changes nothing.
 */
public interface Contracts {

  /** Signs a contract; {@code end} null means one year. At most one contract active at a time. */
  long sign(
      long residentId,
      long teamId,
      String packageCode,
      LocalDate start,
      LocalDate end,
      String signedBy);

  /** Renews a contract: a new one, linked to it, starting the day after it ends. */
  long renew(long contractId, String packageCode, LocalDate today, String signedBy);

  /** Records a key-population flag that is not age-based (pregnant, hypertension …). */
  void flag(long residentId, KeyPopulation population, String recordedBy);

  /** Computed and recorded key populations of the resident on the day. */
  Set<KeyPopulation> keyPopulations(long residentId, LocalDate on);

  /** An active team of the resident's township centre, if there is one. */
  Optional<Long> teamNear(long residentId);
}
