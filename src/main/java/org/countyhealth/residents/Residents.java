package org.countyhealth.residents;

import java.util.List;
import java.util.Optional;
import org.countyhealth.shared.DataScope;

/** The residents module's facade for other modules. */
public interface Residents {

  /** An active resident by id; a merged record answers with its survivor. */
  Optional<ResidentSummary> find(long residentId);

  /** An active resident's demographics, when the resident is within the scope. */
  Optional<ResidentDemographics> demographics(long residentId, DataScope scope);

  /**
   * Active residents within the scope holding an identifier of this type and value; a blank issuer
   * matches any issuer (a medical-record number of any facility).
   */
  List<ResidentSummary> findByIdentifier(
      IdentifierType type, String issuer, String value, DataScope scope, int limit);

  /**
   * The resident holding exactly this identifier, whatever the scope: the index is county-wide, so
   * a registration with a known identifier belongs to its holder (as on the registration page).
   */
  Optional<Long> holderOf(IdentifierValue identifier);
}
