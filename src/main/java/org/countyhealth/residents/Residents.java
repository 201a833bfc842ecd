package org.countyhealth.residents;

import java.util.Optional;

/** The residents module's facade for other modules. */
public interface Residents {

  /** An active resident by id; a merged record answers with its survivor. */
  Optional<ResidentSummary> find(long residentId);
}
