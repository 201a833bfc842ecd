package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Encounter and Observation through the real server: a visit with a BP is a follow-up like the
 * form's, or a screening; bad input is refused with its location and stores nothing.
 */
@IntegrationTest
class FhirObservationIT extends ClinicalFhirSupport {

  @Test
  void encounterWithBloodPressureIsAFollowUpLikeTheForm() throws Exception {
    long patient = resident(LocalDate.of(1956, 1, 20));
    LocalDate enrolled = LocalDate.now().minusDays(40);
    String condition = idOf(post("/fhir/Condition", hypertension(patient, enrolled)));
    long enrolment = Long.parseLong(condition.substring("enrolment-".length()));
    LocalDate visit = LocalDate.now().minusDays(1);
    FollowUpOutcome expected =
        chronic.preview(
            actor,
            FollowUpRequest.measured(
                enrolment, visit, VisitMode.CLINIC, 168, 102, null, null, null, null, null, null));
    long followUps = count("chronic.follow_up", patient);

    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(new Reference("Patient/" + patient));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(visit.toString())));
    HttpResponse<String> createdEncounter = post("/fhir/Encounter", encode(encounter));
    assertThat(createdEncounter.statusCode()).as(createdEncounter.body()).isEqualTo(201);
    String encounterId = idOf(createdEncounter);
    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps);

    Observation bp = bloodPressure(patient, visit, 168, 102);
    bp.setEncounter(new Reference("Encounter/" + encounterId));
    HttpResponse<String> createdBp = post("/fhir/Observation", encode(bp));
    assertThat(createdBp.statusCode()).as(createdBp.body()).isEqualTo(201);
    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps + 1);

    CarePlan plan = read("/fhir/CarePlan/" + enrolment, CarePlan.class);
    assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo(expected.grade().name());
    assertThat(
            plan.getActivityFirstRep()
                .getDetail()
                .getScheduledTiming()
                .getEvent()
                .get(0)
                .getValueAsString())
        .isEqualTo(expected.nextVisitOn().toString());

    // Round trip: the Observation read back is the one written.
    Observation back = read("/fhir/Observation/" + idOf(createdBp), Observation.class);
    assertEquivalent(back, bp);
    Encounter readEncounter = read("/fhir/Encounter/" + encounterId, Encounter.class);
    assertThat(readEncounter.getClass_().getCode()).isEqualTo("AMB");
    assertThat(ids(search("/fhir/Encounter?patient=" + patient + "&date=" + visit)))
        .contains(encounterId);
    assertThat(
            ids(
                search(
                    "/fhir/Observation?patient="
                        + patient
                        + "&code=http://loinc.org%7C85354-9&encounter=Encounter/"
                        + encounterId)))
        .containsExactly(idOf(createdBp));

    // The encounter is a follow-up now: a later measurement cannot be added to it.
    Observation late = bloodPressure(patient, visit, 150, 90);
    late.setEncounter(new Reference("Encounter/" + encounterId));
    HttpResponse<String> refused = post("/fhir/Observation", encode(late));
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(location(refused)).isEqualTo("Observation.encounter");
    assertThat(count("chronic.follow_up", patient)).isEqualTo(followUps + 1);
    assertThat(audits("FHIR_OBSERVATION_READ", patient)).isPositive();
  }

  @Test
  void aBloodPressureOfAResidentNotEnrolledIsAScreening() throws Exception {
    long patient = resident(LocalDate.of(1975, 6, 1));
    long screenings = count("chronic.screening", patient);
    Observation bp = bloodPressure(patient, LocalDate.now(), 146, 92);
    HttpResponse<String> created = post("/fhir/Observation", encode(bp));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(count("chronic.screening", patient)).isEqualTo(screenings + 1);
    Observation back = read("/fhir/Observation/" + idOf(created), Observation.class);
    assertEquivalent(back, bp);
    assertThat(back.hasEncounter()).isFalse();

    long young = resident(LocalDate.now().minusYears(30));
    HttpResponse<String> tooYoung =
        post("/fhir/Observation", encode(bloodPressure(young, LocalDate.now(), 146, 92)));
    assertThat(tooYoung.statusCode()).isEqualTo(422);
    // Refused when the request completes; a single create has no bundle entry to name.
    assertThat(location(tooYoung)).startsWith("Observation.component[");
    assertThat(count("chronic.screening", young)).isZero();
  }

  @Test
  void badObservationsAreRefusedWithTheirLocationAndStoreNothing() throws Exception {
    long patient = resident(LocalDate.of(1960, 2, 2));
    long encounters = total("fhir.encounter");
    long screenings = total("chronic.screening");

    Observation inverted = bloodPressure(patient, LocalDate.now(), 80, 90);
    assertRefused(inverted, 422, "Observation.component[0].valueQuantity");

    Observation tooHigh = bloodPressure(patient, LocalDate.now(), 320, 90);
    assertRefused(tooHigh, 422, "Observation.component[0].valueQuantity");

    Observation kpa = bloodPressure(patient, LocalDate.now(), 140, 90);
    kpa.getComponent().get(1).getValueQuantity().setCode("kPa").setUnit("kPa");
    assertRefused(kpa, 422, "Observation.component[1].valueQuantity");

    Observation glucose = quantity(patient, "1558-6", "60", "mmol/L");
    assertRefused(glucose, 422, "Observation.valueQuantity");

    Observation localCode = quantity(patient, "1558-6", "6", "mmol/L");
    localCode.getCode().getCodingFirstRep().setSystem("http://example.org/lab-codes");
    assertRefused(localCode, 422, "Observation.code.coding[0].system");

    Observation nobody = bloodPressure(999_999_999L, LocalDate.now(), 140, 90);
    assertRefused(nobody, 422, "Observation.subject");

    assertThat(total("fhir.encounter")).isEqualTo(encounters);
    assertThat(total("chronic.screening")).isEqualTo(screenings);
  }
}
