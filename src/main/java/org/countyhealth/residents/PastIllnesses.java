package org.countyhealth.residents;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.countyhealth.shared.Actor;

/**
 * The illnesses of the health record's past history (既往史, kind ILLNESS: name and diagnosis date),
 * the record's problem list for other modules (the FHIR Condition). Privileges and data scope as on
 * the health-record page; refusals are {@code BusinessException}s and save nothing.
 */
public interface PastIllnesses {

  /** An illness of a resident's active health record. */
  record PastIllness(long id, long residentId, String name, LocalDate diagnosedOn) {}

  /** Adds an illness to the resident's active record; refused when the resident has none. */
  long add(Actor actor, long residentId, String name, LocalDate diagnosedOn);

  /** The illnesses (not voided) of the resident's records, oldest first. */
  List<PastIllness> of(Actor actor, long residentId);

  /** One illness; empty when unknown, voided or outside the actor's scope. */
  Optional<PastIllness> find(Actor actor, long id);
}
