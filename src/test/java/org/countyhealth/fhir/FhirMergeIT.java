package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Merges of the resident index as the FHIR interface sees them: a merged resident's Encounters are
 * the survivor's, its identifiers answer the survivor, and an unmerge restores exactly what the
 * merge moved (docs/fhir.md, "Merged residents").
 */
@IntegrationTest
class FhirMergeIT extends ClinicalFhirSupport {

  private static final String HIS = "https://his.example.org/patient-id";

  @Test
  void aMergeMovesTheEncountersAndIdentifiersToTheSurvivorAndAnUnmergeRestoresThem()
      throws Exception {
    long survivor = resident(LocalDate.of(1961, 3, 4));
    long merged = resident(LocalDate.of(1961, 3, 4));
    String encounter = visitWithBloodPressure(merged, LocalDate.now().minusDays(3));
    String observation = encounter + "-bp";
    String healthCode = healthCode(merged);
    // A sender's identifier of the merged Patient (no writer stores one for Patients yet).
    jdbc.sql(
            "INSERT INTO fhir.source_identifier (resource_type, system, value, local_id,"
                + " created_at) VALUES ('Patient', ?, ?, ?, CURRENT_TIMESTAMP)")
        .params(HIS, "P-" + merged, String.valueOf(merged))
        .update();
    assertThat(ids(search("/fhir/Encounter?patient=" + survivor))).doesNotContain(encounter);

    long mergeId = registry.merge(survivor, merged, "同一人两次建档", "tester");

    assertThat(ids(search("/fhir/Encounter?patient=" + survivor))).contains(encounter);
    Encounter moved = read("/fhir/Encounter/" + encounter, Encounter.class);
    assertThat(moved.getSubject().getReference()).isEqualTo("Patient/" + survivor);
    assertThat(ids(search("/fhir/Observation?patient=" + survivor))).contains(observation);
    assertThat(conditionalCreate(healthCode)).isEqualTo(String.valueOf(survivor));
    assertThat(patientOf(HIS, "P-" + merged)).isEqualTo(String.valueOf(survivor));

    registry.unmerge(mergeId, "tester");

    assertThat(ids(search("/fhir/Encounter?patient=" + survivor))).doesNotContain(encounter);
    assertThat(ids(search("/fhir/Encounter?patient=" + merged))).contains(encounter);
    assertThat(read("/fhir/Encounter/" + encounter, Encounter.class).getSubject().getReference())
        .isEqualTo("Patient/" + merged);
    assertThat(conditionalCreate(healthCode)).isEqualTo(String.valueOf(merged));
    assertThat(patientOf(HIS, "P-" + merged)).isEqualTo(String.valueOf(merged));
    assertThat(moveLog(mergeId)).isZero();
  }

  /**
   * A merged into B, then B into C: undoing the second merge brings A's encounter back to B (A is
   * still merged into B), undoing the first back to A.
   */
  @Test
  void chainedMergesAreUndoneStepByStep() throws Exception {
    long a = resident(LocalDate.of(1955, 1, 1));
    long b = resident(LocalDate.of(1955, 1, 1));
    long c = resident(LocalDate.of(1955, 1, 1));
    String encounterOfA = visitWithBloodPressure(a, LocalDate.now().minusDays(10));
    String encounterOfB = visitWithBloodPressure(b, LocalDate.now().minusDays(5));
    long first = registry.merge(b, a, "同一人", "tester");
    long second = registry.merge(c, b, "同一人", "tester");
    assertThat(ids(search("/fhir/Encounter?patient=" + c))).contains(encounterOfA, encounterOfB);

    registry.unmerge(second, "tester");
    assertThat(ids(search("/fhir/Encounter?patient=" + b))).contains(encounterOfA, encounterOfB);
    assertThat(ids(search("/fhir/Encounter?patient=" + c)))
        .doesNotContain(encounterOfA, encounterOfB);

    registry.unmerge(first, "tester");
    assertThat(residentOf(encounterOfA)).isEqualTo(a);
    assertThat(residentOf(encounterOfB)).isEqualTo(b);
  }

  /** An Encounter and its blood pressure: a screening of the resident (35+, not enrolled). */
  private String visitWithBloodPressure(long patient, LocalDate on) throws Exception {
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(new Reference("Patient/" + patient));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(on.toString())));
    HttpResponse<String> created = post("/fhir/Encounter", encode(encounter));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = idOf(created);
    Observation bp = bloodPressure(patient, on, 142, 91);
    bp.setEncounter(new Reference("Encounter/" + id));
    HttpResponse<String> measured = post("/fhir/Observation", encode(bp));
    assertThat(measured.statusCode()).as(measured.body()).isEqualTo(201);
    return id;
  }

  /** A conditional create by the resident's health code: the Patient it answers. */
  private String conditionalCreate(String healthCode) throws Exception {
    Patient patient = new Patient();
    patient.addName().setText("合并测试");
    HttpResponse<String> response =
        http.post(
            "/fhir/Patient",
            JSON,
            encode(patient),
            "If-None-Exist",
            "identifier=https://fhir.countyhealth.org/sid/health-code%7C" + healthCode);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return idOf(response);
  }

  private String healthCode(long resident) {
    return jdbc.sql(
            "SELECT id_value FROM residents.identifier WHERE resident_id = ?"
                + " AND type = 'HEALTH_CODE'")
        .param(resident)
        .query(String.class)
        .single();
  }

  private String patientOf(String system, String value) {
    return jdbc.sql(
            "SELECT local_id FROM fhir.source_identifier WHERE resource_type = 'Patient'"
                + " AND system = ? AND value = ?")
        .params(system, value)
        .query(String.class)
        .single();
  }

  private long residentOf(String encounter) {
    return jdbc.sql("SELECT resident_id FROM fhir.encounter WHERE id = ?")
        .param(Long.parseLong(encounter))
        .query(Long.class)
        .single();
  }

  private long moveLog(long mergeId) {
    return jdbc.sql(
            "SELECT (SELECT COUNT(*) FROM fhir.encounter_merge_move WHERE merge_id = ?)"
                + " + (SELECT COUNT(*) FROM fhir.source_identifier_merge_move WHERE merge_id = ?)")
        .params(mergeId, mergeId)
        .query(Long.class)
        .single();
  }
}
