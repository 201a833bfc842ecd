package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.Role;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Condition and CarePlan through the real server: programme diseases enrol, other diagnoses are
 * illnesses of the health record; data scope and privileges as on the pages.
 */
@IntegrationTest
class FhirConditionIT extends ClinicalFhirSupport {

  @Test
  void hypertensionConditionEnrolsOnceAndReadsBackWithItsSchedule() throws Exception {
    long patient = resident(LocalDate.of(1958, 4, 2));
    LocalDate enrolled = LocalDate.now().minusDays(30);
    long before = count("chronic.enrolment", patient);

    HttpResponse<String> created = post("/fhir/Condition", hypertension(patient, enrolled));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = idOf(created);
    assertThat(id).startsWith("enrolment-");
    assertThat(count("chronic.enrolment", patient)).isEqualTo(before + 1);

    Condition read = read("/fhir/Condition/" + id, Condition.class);
    assertThat(read.getCode().getCoding()).extracting(Coding::getCode).contains("38341003", "I10");
    assertThat(read.getRecordedDateElement().getValueAsString()).isEqualTo(enrolled.toString());

    // A second enrolment: the first is answered (200), as a plain create and as a conditional one.
    HttpResponse<String> again = post("/fhir/Condition", hypertension(patient, enrolled));
    assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
    assertThat(idOf(again)).isEqualTo(id);
    HttpResponse<String> conditional =
        http.post(
            "/fhir/Condition",
            JSON,
            hypertension(patient, enrolled),
            "If-None-Exist",
            "patient=" + patient + "&code=http://snomed.info/sct%7C59621000");
    assertThat(conditional.statusCode()).as(conditional.body()).isEqualTo(200);
    assertThat(idOf(conditional)).isEqualTo(id);
    assertThat(count("chronic.enrolment", patient)).isEqualTo(before + 1);

    Bundle byChildCode =
        search("/fhir/Condition?patient=" + patient + "&code=http://snomed.info/sct%7C59621000");
    assertThat(ids(byChildCode)).containsExactly(id);
    assertThat(
            search("/fhir/Condition?patient=" + patient + "&clinical-status=resolved").getEntry())
        .isEmpty();

    Bundle plans = search("/fhir/CarePlan?patient=" + patient);
    CarePlan plan = (CarePlan) plans.getEntryFirstRep().getResource();
    assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("YELLOW");
    assertThat(plan.getAuthor().getReference()).isEqualTo("Organization/" + village);
    assertThat(
            plan.getActivityFirstRep()
                .getDetail()
                .getScheduledTiming()
                .getEvent()
                .get(0)
                .getValueAsString())
        .isEqualTo(enrolled.plusWeeks(2).toString());
    assertThat(audits("FHIR_CONDITION_READ", patient)).isPositive();
    assertThat(audits("FHIR_CAREPLAN_READ", patient)).isPositive();
  }

  @Test
  void otherConditionsAreIllnessesOfTheHealthRecord() throws Exception {
    long patient = resident(LocalDate.of(1970, 8, 9));
    records.establish(patient, village, "接口慢病测试", LocalDate.now().minusYears(1));
    long before = illnesses(patient);
    Condition asthma = new Condition();
    asthma.setSubject(new Reference("Patient/" + patient));
    asthma.setCode(
        new CodeableConcept(new Coding("http://snomed.info/sct", "195967001", "Asthma"))
            .setText("支气管哮喘"));
    asthma.setOnset(new DateTimeType("2020-05-01"));
    HttpResponse<String> created = post("/fhir/Condition", encode(asthma));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(idOf(created)).startsWith("illness-");
    assertThat(illnesses(patient)).isEqualTo(before + 1);
    Condition read = read("/fhir/Condition/" + idOf(created), Condition.class);
    assertThat(read.getCode().getText()).isEqualTo("支气管哮喘");
    assertThat(read.getOnsetDateTimeType().getValueAsString()).isEqualTo("2020-05-01");

    asthma.getCode().getCodingFirstRep().setSystem("http://example.org/local-codes");
    HttpResponse<String> unknown = post("/fhir/Condition", encode(asthma));
    assertThat(unknown.statusCode()).isEqualTo(422);
    assertThat(location(unknown)).isEqualTo("Condition.code.coding[0].system");
    assertThat(illnesses(patient)).isEqualTo(before + 1);
  }

  /**
   * An Encounter and a BP Observation pointing to it make one face-to-face follow-up: grade and
   * next date are those the follow-up form gets for the same values.
   */
  @Test
  void otherClinicsSeeNothingAndTheChronicPrivilegeIsRequired() throws Exception {
    long patient = resident(LocalDate.of(1959, 9, 9));
    String condition =
        idOf(post("/fhir/Condition", hypertension(patient, LocalDate.now().minusDays(5))));
    String enrolment = condition.substring("enrolment-".length());
    String otherVillage =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor2'")
            .query(String.class)
            .single();
    FhirHttp other = session("fhir-clin-o", otherVillage, "外村医生", Role.VILLAGE_DOCTOR);
    for (String path : List.of("/fhir/Condition/" + condition, "/fhir/CarePlan/" + enrolment)) {
      HttpResponse<String> hidden = other.get(path);
      assertThat(hidden.statusCode()).as(path).isEqualTo(404);
      Conformance.assertValid(hidden.body());
    }
    HttpResponse<String> none = other.get("/fhir/Observation?patient=" + patient);
    assertThat(none.statusCode()).isEqualTo(200);
    Conformance.assertValid(none.body());
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, none.body()).getEntry()).isEmpty();
    HttpResponse<String> write =
        other.post(
            "/fhir/Observation", JSON, encode(bloodPressure(patient, LocalDate.now(), 150, 90)));
    assertThat(write.statusCode()).isEqualTo(422);
    assertThat(location(write)).isEqualTo("Observation.subject");

    // A diagnostician sees the record's illnesses but not the chronic programme.
    FhirHttp diagnostician = session("fhir-clin-d", village, "诊断医师", Role.DIAGNOSTICIAN);
    HttpResponse<String> forbidden = diagnostician.get("/fhir/CarePlan?patient=" + patient);
    assertThat(forbidden.statusCode()).isEqualTo(403);
    Conformance.assertValid(forbidden.body());
    HttpResponse<String> conditions = diagnostician.get("/fhir/Condition?patient=" + patient);
    assertThat(conditions.statusCode()).isEqualTo(200);
    assertThat(FHIR.newJsonParser().parseResource(Bundle.class, conditions.body()).getEntry())
        .isEmpty();

    // XML as well.
    HttpResponse<String> xml =
        http.get("/fhir/CarePlan/" + enrolment + "?_format=xml", "application/fhir+xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("<CarePlan");
    Conformance.assertValid(xml.body());
  }
}
