package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.IntegrationTest;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Conditions without an identifier sent again (a re-import, a transaction re-sent): an enrolment of
 * a patient already managed in that programme and an illness with the same name and date answer
 * what is held (200), nothing is created or changed (docs/fhir.md, "Condition").
 */
@IntegrationTest
class FhirConditionReimportIT extends ClinicalFhirSupport {

  private static final String SNOMED = "http://snomed.info/sct";

  @Test
  void aTransactionSentTwiceCreatesItsConditionsOnce() throws Exception {
    long patient = patientWithRecord();
    LocalDate enrolled = LocalDate.now().minusDays(20);
    String bundle = encode(transaction(patient, enrolled));

    Bundle first = transactionResponse(post("/fhir", bundle));
    assertThat(statuses(first)).containsOnly("201 Created");
    Map<String, Long> held = counts(patient);

    Bundle second = transactionResponse(post("/fhir", bundle));
    assertThat(statuses(second)).containsOnly("200 OK");
    assertThat(locations(second)).isEqualTo(locations(first));
    assertThat(counts(patient)).isEqualTo(held);

    // Another enrolment date for the same programme: the enrolment held is answered, unchanged.
    HttpResponse<String> single =
        post("/fhir/Condition", hypertension(patient, enrolled.minusYears(1)));
    assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
    assertThat("Condition/" + idOf(single)).isEqualTo(locations(first).get(0));
    assertThat(
            jdbc.sql(
                    "SELECT enrolled_on FROM chronic.enrolment WHERE resident_id = ?"
                        + " AND disease = 'HYPERTENSION'")
                .param(patient)
                .query(LocalDate.class)
                .single())
        .isEqualTo(enrolled);
    // The same illness on another date is another entry.
    Condition later = asthma(patient);
    later.setOnset(new DateTimeType("2021-03-01"));
    HttpResponse<String> other = post("/fhir/Condition", encode(later));
    assertThat(other.statusCode()).as(other.body()).isEqualTo(201);
    assertThat(illnesses(patient)).isEqualTo(held.get("illnesses") + 1);
  }

  @Test
  void aBulkReImportCountsTheConditionsAsHeldAndRejectsNothing() throws Exception {
    long patient = patientWithRecord();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("conditions.json", encode(transaction(patient, LocalDate.now().minusDays(40))));
    Condition gout = illness(patient, "M10.9", "痛风", "2019-11-20");
    files.put("more.ndjson", encode(gout) + "\n");

    String first = FhirImports.await(http, FhirImports.location(FhirImports.upload(http, files)));
    assertThat(first).contains("\"created\":4", "\"existing\":0", "\"rejected\":0");
    Map<String, Long> held = counts(patient);

    String second = FhirImports.await(http, FhirImports.location(FhirImports.upload(http, files)));
    assertThat(second).contains("\"created\":0", "\"existing\":4", "\"rejected\":0");
    assertThat(counts(patient)).isEqualTo(held);
  }

  private long patientWithRecord() {
    long patient = resident(LocalDate.of(1957, 7, 7));
    records.establish(patient, village, "接口慢病测试", LocalDate.now().minusYears(2));
    return patient;
  }

  /** Hypertension (ICD-10), type 2 diabetes (SNOMED CT) and asthma, none with an identifier. */
  private static Bundle transaction(long patient, LocalDate enrolled) {
    Condition hypertension = new Condition();
    hypertension.setSubject(new Reference("Patient/" + patient));
    hypertension.setCode(
        new CodeableConcept(new Coding(ICD10, "I10", "Essential (primary) hypertension")));
    hypertension.setRecordedDateElement(new DateTimeType(enrolled.toString()));
    Condition diabetes = new Condition();
    diabetes.setSubject(new Reference("Patient/" + patient));
    diabetes.setCode(new CodeableConcept(new Coding(SNOMED, "44054006", "Diabetes type 2")));
    diabetes.setOnset(new DateTimeType(enrolled.toString()));
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    for (Condition c : List.of(hypertension, diabetes, asthma(patient))) {
      bundle.addEntry().setResource(c).getRequest().setMethod(HTTPVerb.POST).setUrl("Condition");
    }
    return bundle;
  }

  private static Condition asthma(long patient) {
    return illness(patient, "J45.9", "支气管哮喘", "2020-05-01");
  }

  private static Condition illness(long patient, String icd10, String text, String onset) {
    Condition c = new Condition();
    c.setSubject(new Reference("Patient/" + patient));
    c.setCode(new CodeableConcept(new Coding(ICD10, icd10, null)).setText(text));
    c.setOnset(new DateTimeType(onset));
    return c;
  }

  private static Bundle transactionResponse(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static List<String> statuses(Bundle response) {
    return response.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
  }

  private static List<String> locations(Bundle response) {
    return response.getEntry().stream().map(e -> e.getResponse().getLocation()).toList();
  }

  private Map<String, Long> counts(long patient) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("enrolments", count("chronic.enrolment", patient));
    counts.put("illnesses", illnesses(patient));
    counts.put("sourceIdentifiers", total("fhir.source_identifier"));
    return counts;
  }
}
