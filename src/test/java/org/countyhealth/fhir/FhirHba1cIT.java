package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * HbA1c (LOINC 4548-4) in one transaction with its Encounter: it becomes the 糖化血红蛋白 of the diabetes
 * follow-up (IFCC mmol/mol converted to %), dated by its test, reads back as an Observation, and
 * leaves the grade to the fasting glucose. Refusals store nothing.
 */
@IntegrationTest
class FhirHba1cIT extends ClinicalFhirSupport {

  @Test
  void encounterGlucoseAndHba1cInOneTransactionAreOneDiabetesFollowUp() throws Exception {
    long patient = resident(LocalDate.of(1958, 4, 4));
    long enrolment = enrol(patient, Disease.DIABETES);
    LocalDate visit = LocalDate.now().minusDays(1);
    LocalDate tested = visit.minusDays(10);
    FollowUpOutcome withoutHba1c =
        chronic.preview(actor, request(enrolment, visit, "7.8", null, null));

    Observation hba1c = quantity(patient, "4548-4", "53", "mmol/mol");
    hba1c.setEffective(new DateTimeType(tested.toString()));
    HttpResponse<String> response =
        transaction(
            visit,
            bloodPressure(patient, visit, 132, 82),
            quantity(patient, "14771-0", "7.8", "mmol/L"),
            hba1c);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);

    Map<String, Object> row =
        jdbc.sql("SELECT hba1c, hba1c_on, grade FROM chronic.follow_up WHERE resident_id = ?")
            .param(patient)
            .query()
            .singleRow();
    // 0.09148 × 53 + 2.152 = 7.000 → 7.0 %
    assertThat((BigDecimal) row.get("hba1c")).isEqualByComparingTo("7.0");
    assertThat(row.get("hba1c_on").toString()).isEqualTo(tested.toString());
    // HbA1c records only: the grade is the one the glucose alone gives.
    assertThat(row.get("grade")).isEqualTo(withoutHba1c.grade().name());
    CarePlan plan = read("/fhir/CarePlan/" + enrolment, CarePlan.class);
    assertThat(plan.getCategoryFirstRep().getCodingFirstRep().getCode())
        .isEqualTo(withoutHba1c.grade().name());

    // Round trip: read back in %, dated by the test, under its Encounter (validated in read()).
    Bundle found =
        search("/fhir/Observation?patient=" + patient + "&code=http://loinc.org%7C4548-4");
    assertThat(found.getEntry()).hasSize(1);
    Observation back = (Observation) found.getEntryFirstRep().getResource();
    assertThat(back.getValueQuantity().getValue()).isEqualByComparingTo("7.0");
    assertThat(back.getValueQuantity().getCode()).isEqualTo("%");
    assertThat(back.getValueQuantity().getSystem()).isEqualTo(UCUM);
    assertThat(back.getEffectiveDateTimeType().getValueAsString()).isEqualTo(tested.toString());
    assertThat(back.getCategoryFirstRep().getCodingFirstRep().getCode()).isEqualTo("laboratory");
    String encounter = back.getEncounter().getReference();
    assertThat(encounter).startsWith("Encounter/");
    Observation byId = read("/fhir/Observation/" + back.getIdPart(), Observation.class);
    assertThat(byId.getValueQuantity().getValue()).isEqualByComparingTo("7.0");
    // The date search matches the Observation's own date, not the visit's.
    assertThat(
            ids(search("/fhir/Observation?patient=" + patient + "&date=" + tested)).stream()
                .filter(id -> id.endsWith("-hba1c"))
                .toList())
        .containsExactly(back.getIdPart());
    assertThat(read("/fhir/" + encounter, Encounter.class).getTypeFirstRep().getText())
        .isEqualTo("2型糖尿病患者随访");
  }

  @Test
  void aFollowUpTypedOnThePageReadsBackItsHba1cAndKeepsTheGlucoseGrade() throws Exception {
    long patient = resident(LocalDate.of(1957, 7, 7));
    long enrolment = enrol(patient, Disease.DIABETES);
    LocalDate visit = LocalDate.now().minusDays(2);
    LocalDate tested = visit.minusDays(20);
    // Glucose on target, HbA1c far above it: the grade is the glucose's (seed rules, lines
    // 204–206).
    FollowUpOutcome glucoseOnly =
        chronic.preview(actor, request(enrolment, visit, "6.1", null, null));
    FollowUpOutcome recorded =
        chronic.recordFollowUp(actor, request(enrolment, visit, "6.1", "11.46", tested));
    assertThat(recorded.grade()).isEqualTo(glucoseOnly.grade());
    assertThat(recorded.classification()).isEqualTo(glucoseOnly.classification());

    Observation back =
        read("/fhir/Observation/followup-" + recorded.followUpId() + "-hba1c", Observation.class);
    assertThat(back.getCode().getCodingFirstRep().getCode()).isEqualTo("4548-4");
    assertThat(back.getValueQuantity().getValue()).isEqualByComparingTo("11.5");
    assertThat(back.getEffectiveDateTimeType().getValueAsString()).isEqualTo(tested.toString());
  }

  @Test
  void aPatientNotEnrolledInDiabetesIsRefusedAndNothingIsStored() throws Exception {
    long patient = resident(LocalDate.of(1959, 5, 5));
    enrol(patient, Disease.HYPERTENSION);
    LocalDate visit = LocalDate.now();
    long encounters = total("fhir.encounter");

    HttpResponse<String> response =
        transaction(
            visit, bloodPressure(patient, visit, 138, 86), quantity(patient, "4548-4", "6.8", "%"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.body()).contains("未纳入2型糖尿病管理");
    // Refused when the visit completes, at the HbA1c's entry (the Encounter is entry 0).
    assertThat(expressions(response))
        .containsExactly("Bundle.entry[2]", "Observation.valueQuantity");
    assertThat(count("chronic.follow_up", patient)).isZero();
    assertThat(total("fhir.encounter")).isEqualTo(encounters);
  }

  @Test
  void badHba1cValuesAreRefusedWithTheirLocationAndStoreNothing() throws Exception {
    long patient = resident(LocalDate.of(1961, 6, 6));
    enrol(patient, Disease.DIABETES);
    LocalDate visit = LocalDate.now();
    long encounters = total("fhir.encounter");

    // Unknown unit: refused at the entry and its value.
    HttpResponse<String> grams =
        transaction(
            visit,
            bloodPressure(patient, visit, 130, 80),
            quantity(patient, "14771-0", "6.5", "mmol/L"),
            quantity(patient, "4548-4", "6.8", "g/dL"));
    assertThat(grams.statusCode()).as(grams.body()).isEqualTo(422);
    assertThat(expressions(grams)).containsExactly("Bundle.entry[3]", "Observation.valueQuantity");
    assertThat(grams.body()).contains("无法换算的单位“g/dL”");

    // Out of range (25 %), and a test date after the visit.
    HttpResponse<String> high =
        transaction(
            visit,
            bloodPressure(patient, visit, 130, 80),
            quantity(patient, "14771-0", "6.5", "mmol/L"),
            quantity(patient, "4548-4", "25", "%"));
    assertThat(high.statusCode()).as(high.body()).isEqualTo(422);
    assertThat(expressions(high)).containsExactly("Bundle.entry[3]", "Observation.valueQuantity");
    assertThat(high.body()).contains("糖化血红蛋白应在 3.0–20.0 % 之间");

    Observation old = quantity(patient, "4548-4", "6.8", "%");
    old.setEffective(new DateTimeType(visit.minusMonths(7).toString()));
    HttpResponse<String> stale =
        transaction(
            visit,
            bloodPressure(patient, visit, 130, 80),
            quantity(patient, "14771-0", "6.5", "mmol/L"),
            old);
    assertThat(stale.statusCode()).as(stale.body()).isEqualTo(422);
    assertThat(expressions(stale)).containsExactly("Bundle.entry[3]", "Observation.effective");

    // Alone, without the glucose or BP the follow-up is based on.
    HttpResponse<String> alone =
        post("/fhir/Observation", encode(quantity(patient, "4548-4", "6.8", "%")));
    assertThat(alone.statusCode()).as(alone.body()).isEqualTo(422);
    // No bundle: the plain FHIRPath.
    assertThat(expressions(alone)).containsExactly("Observation.code");

    assertThat(count("chronic.follow_up", patient)).isZero();
    assertThat(total("fhir.encounter")).isEqualTo(encounters);
  }

  @Test
  void anHba1cTestedAfterTheVisitIsRefusedAtItsEntryWhenTheTransactionCompletes() throws Exception {
    long patient = resident(LocalDate.of(1962, 8, 8));
    enrol(patient, Disease.DIABETES);
    LocalDate visit = LocalDate.now().minusDays(5);
    long encounters = total("fhir.encounter");
    Observation hba1c = quantity(patient, "4548-4", "6.8", "%");
    hba1c.setEffective(new DateTimeType(visit.plusDays(2).toString()));

    // Entries: the Encounter, a BP, the HbA1c, a glucose. The test date is checked by the
    // follow-up rules, when the transaction completes, after every entry was written.
    HttpResponse<String> response =
        transaction(
            visit,
            bloodPressure(patient, visit, 130, 80),
            hba1c,
            quantity(patient, "14771-0", "6.5", "mmol/L"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    Conformance.assertValid(response.body());
    assertThat(expressions(response)).containsExactly("Bundle.entry[2]", "Observation.effective");
    assertThat(response.body()).contains("检查日期不能晚于随访日期");
    assertThat(count("chronic.follow_up", patient)).isZero();
    assertThat(total("fhir.encounter")).isEqualTo(encounters);
  }

  private long enrol(long patient, Disease disease) {
    return chronic.enrol(
        actor,
        new EnrolmentRequest(patient, disease, LocalDate.now().minusDays(60), null, null, null));
  }

  /** An Encounter of the visit and the Observations pointing to it, as one transaction. */
  private HttpResponse<String> transaction(LocalDate visit, Observation... observations)
      throws Exception {
    long patient = Long.parseLong(observations[0].getSubject().getReferenceElement().getIdPart());
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(new Reference("Patient/" + patient));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(visit.toString())));
    String url = "urn:uuid:" + UUID.randomUUID();
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    add(bundle, encounter).setFullUrl(url);
    for (Observation o : observations) {
      o.setEncounter(new Reference(url));
      if (!o.getCode().getCodingFirstRep().getCode().equals("4548-4")) {
        o.setEffective(new DateTimeType(visit.toString()));
      }
      add(bundle, o);
    }
    return post("/fhir", encode(bundle));
  }

  private static Bundle.BundleEntryComponent add(Bundle bundle, Resource resource) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(resource.getResourceType().name());
    return entry;
  }

  private static java.util.List<String> expressions(HttpResponse<String> response) {
    return FHIR
        .newJsonParser()
        .parseResource(OperationOutcome.class, response.body())
        .getIssueFirstRep()
        .getExpression()
        .stream()
        .map(e -> e.getValue())
        .toList();
  }

  private static FollowUpRequest request(
      long enrolment, LocalDate visit, String glucose, String hba1c, LocalDate tested) {
    return FollowUpRequest.measured(
        enrolment,
        visit,
        VisitMode.CLINIC,
        132,
        82,
        null,
        null,
        null,
        new BigDecimal(glucose),
        hba1c == null ? null : new BigDecimal(hba1c),
        tested);
  }
}
