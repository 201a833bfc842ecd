package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.Optional;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;

/** The residents module's facade for other modules. */
public interface Residents {

  /** An active resident by id; a merged record answers with its survivor. */
  Optional<ResidentSummary> find(long residentId);

  /** An active resident's demographics, when the resident is within the scope. */
  Optional<ResidentDemographics> demographics(long residentId, DataScope scope);

  /**
   * One window of the active residents within the scope matching a search of the resident page
   * (exact identifier, phone, or name in characters or pinyin), born within {@code [bornFrom,
   * bornTo]} when given, ordered by name, birth date and id; with the number of all matches.
   */
  Slice<ResidentSummary> search(
      String query, LocalDate bornFrom, LocalDate bornTo, DataScope scope, Window window);

  /**
   * Active residents within the scope holding an identifier of this type and value (a blank issuer
   * matches any issuer), born within the range when given, by id: one window and the number of all.
   */
  Slice<ResidentSummary> findByIdentifier(
      IdentifierType type,
      String issuer,
      String value,
      LocalDate bornFrom,
      LocalDate bornTo,
      DataScope scope,
      Window window);

  /**
   * The resident holding exactly this identifier, whatever the scope: the index is county-wide, so
   * a registration with a known identifier belongs to its holder (as on the registration page).
   */
  Optional<Long> holderOf(IdentifierValue identifier);
}
