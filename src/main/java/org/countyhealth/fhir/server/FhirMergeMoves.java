package org.countyhealth.fhir.server;

import org.countyhealth.residents.ResidentsMerged;
import org.countyhealth.residents.ResidentsUnmerged;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows the resident index's merges (docs/fhir.md, "Merged residents"): the merged resident's
 * received Encounters ({@code fhir.encounter}) and the source identifiers of its Patient move to
 * the survivor, so that the survivor's Encounter search returns them; the unmerge puts back exactly
 * the rows that merge moved. Each move is logged by merge (as the health record's moves are), not
 * by an original-owner column: undoing a later merge into the survivor first must bring the rows
 * back to this survivor, not to their first owner. Synchronous, in the merge's transaction.
 */
@Component
class FhirMergeMoves {

  private final JdbcClient jdbc;

  FhirMergeMoves(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @EventListener
  void on(ResidentsMerged merged) {
    jdbc.sql(
            "INSERT INTO fhir.encounter_merge_move (merge_id, encounter_id, from_resident_id)"
                + " SELECT ?, id, resident_id FROM fhir.encounter WHERE resident_id = ?")
        .params(merged.mergeId(), merged.mergedId())
        .update();
    jdbc.sql("UPDATE fhir.encounter SET resident_id = ? WHERE resident_id = ?")
        .params(merged.survivorId(), merged.mergedId())
        .update();
    String mergedPatient = String.valueOf(merged.mergedId());
    jdbc.sql(
            "INSERT INTO fhir.source_identifier_merge_move (merge_id, resource_type, system, value,"
                + " from_local_id) SELECT ?, resource_type, system, value, local_id"
                + " FROM fhir.source_identifier WHERE resource_type = 'Patient' AND local_id = ?")
        .params(merged.mergeId(), mergedPatient)
        .update();
    jdbc.sql(
            "UPDATE fhir.source_identifier SET local_id = ? WHERE resource_type = 'Patient'"
                + " AND local_id = ?")
        .params(String.valueOf(merged.survivorId()), mergedPatient)
        .update();
  }

  @EventListener
  void on(ResidentsUnmerged unmerged) {
    long merge = unmerged.mergeId();
    jdbc.sql(
            "UPDATE fhir.encounter SET resident_id = (SELECT m.from_resident_id FROM"
                + " fhir.encounter_merge_move m WHERE m.merge_id = ? AND m.encounter_id ="
                + " fhir.encounter.id) WHERE id IN (SELECT m.encounter_id FROM"
                + " fhir.encounter_merge_move m WHERE m.merge_id = ?)")
        .params(merge, merge)
        .update();
    jdbc.sql("DELETE FROM fhir.encounter_merge_move WHERE merge_id = ?").param(merge).update();
    jdbc.sql(
            "UPDATE fhir.source_identifier SET local_id = (SELECT m.from_local_id FROM"
                + " fhir.source_identifier_merge_move m WHERE m.merge_id = ?"
                + " AND m.resource_type = fhir.source_identifier.resource_type"
                + " AND m.system = fhir.source_identifier.system"
                + " AND m.value = fhir.source_identifier.value)"
                + " WHERE EXISTS (SELECT 1 FROM fhir.source_identifier_merge_move m"
                + " WHERE m.merge_id = ? AND m.resource_type = fhir.source_identifier.resource_type"
                + " AND m.system = fhir.source_identifier.system"
                + " AND m.value = fhir.source_identifier.value)")
        .params(merge, merge)
        .update();
    jdbc.sql("DELETE FROM fhir.source_identifier_merge_move WHERE merge_id = ?")
        .param(merge)
        .update();
  }
}
