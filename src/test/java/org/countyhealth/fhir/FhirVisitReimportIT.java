package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.People;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * A visit sent again without identifiers on its Encounter and Observations (a re-sent transaction,
 * a bulk import re-run): the Encounter is recognised by resident, day, class and facility, its
 * measurements by their values, and nothing is recorded twice; a different value is refused at its
 * Observation (docs/fhir.md, "Encounter", "Observation").
 */
@IntegrationTest
class FhirVisitReimportIT extends ClinicalFhirSupport {

  @Test
  void aTransactionSentTwiceRecordsItsFollowUpOnce() throws Exception {
    Person person = person();
    LocalDate visit = LocalDate.now().minusDays(3);
    String bundle = encode(visit(person, visit, 150, 95));

    Bundle first = transactionResponse(post("/fhir", bundle));
    assertThat(statuses(first))
        .containsExactly("200 OK", "201 Created", "201 Created", "201 Created");
    assertThat(count("chronic.follow_up", person.id())).isEqualTo(1);
    Map<String, Long> held = counts(person.id());

    Bundle second = transactionResponse(post("/fhir", bundle));
    assertThat(statuses(second)).containsOnly("200 OK");
    assertThat(locations(second)).isEqualTo(locations(first));
    String encounter = locations(first).get(2);
    assertThat(locations(second).get(3))
        .isEqualTo("Observation/" + encounter.substring("Encounter/".length()) + "-bp");
    assertThat(counts(person.id())).isEqualTo(held);

    // The Encounter alone, posted again: answered, nothing created.
    Encounter again = (Encounter) visit(person, visit, 150, 95).getEntry().get(2).getResource();
    again.setSubject(new Reference("Patient/" + person.id()));
    HttpResponse<String> single = post("/fhir/Encounter", encode(again));
    assertThat(single.statusCode()).as(single.body()).isEqualTo(200);
    assertThat("Encounter/" + idOf(single)).isEqualTo(encounter);

    // Another class (a home visit) on the same day is another visit.
    Bundle home = visit(person, visit, 150, 95);
    ((Encounter) home.getEntry().get(2).getResource())
        .getClass_()
        .setCode("HH")
        .setDisplay("home health");
    Bundle third = transactionResponse(post("/fhir", encode(home)));
    assertThat(statuses(third).get(2)).isEqualTo("201 Created");
    assertThat(count("chronic.follow_up", person.id())).isEqualTo(2);
  }

  @Test
  void aBulkReRunCountsTheVisitAsHeldAndRejectsNothing() throws Exception {
    Person person = person();
    Map<String, String> files = new LinkedHashMap<>();
    files.put("visit.json", encode(visit(person, LocalDate.now().minusDays(5), 138, 88)));

    String first = FhirImports.await(http, FhirImports.location(FhirImports.upload(http, files)));
    assertThat(first).contains("\"created\":3", "\"existing\":1", "\"rejected\":0");
    Map<String, Long> held = counts(person.id());

    String second = FhirImports.await(http, FhirImports.location(FhirImports.upload(http, files)));
    assertThat(second).contains("\"created\":0", "\"existing\":4", "\"rejected\":0");
    assertThat(counts(person.id())).isEqualTo(held);
  }

  @Test
  void aDifferentValueSentAgainIsRefusedAtItsObservationAndStoresNothing() throws Exception {
    Person person = person();
    LocalDate visit = LocalDate.now().minusDays(2);
    transactionResponse(post("/fhir", encode(visit(person, visit, 150, 95))));
    Map<String, Long> held = counts(person.id());

    HttpResponse<String> response = post("/fhir", encode(visit(person, visit, 162, 95)));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.CONFLICT);
    assertThat(outcome.getIssueFirstRep().getExpression().stream().map(e -> e.getValue()))
        .containsExactly("Bundle.entry[3]", "Observation.component[0].valueQuantity");
    assertThat(outcome.getIssueFirstRep().getDiagnostics())
        .contains("该就诊已登记，测量值与已登记的不同：血压 已登记 150/95 mmHg，本次 162/95 mmHg");
    assertThat(counts(person.id())).isEqualTo(held);
    assertThat(
            jdbc.sql("SELECT systolic FROM chronic.follow_up WHERE resident_id = ?")
                .param(person.id())
                .query(Integer.class)
                .single())
        .isEqualTo(150);
  }

  @Test
  void valuesAreComparedInTheFormsUnitsAndAValueNotRecordedIsRefused() throws Exception {
    Person person = person();
    LocalDate visit = LocalDate.now().minusDays(4);
    Bundle grams = visit(person, visit, 140, 90);
    add(grams, weight(grams, "72500", "g"), null);
    transactionResponse(post("/fhir", encode(grams)));
    Map<String, Long> held = counts(person.id());

    // 72.5 kg is the 72500 g recorded: the same visit, answered as held.
    Bundle kilograms = visit(person, visit, 140, 90);
    add(kilograms, weight(kilograms, "72.5", "kg"), null);
    Bundle again = transactionResponse(post("/fhir", encode(kilograms)));
    assertThat(statuses(again)).containsOnly("200 OK");
    assertThat(locations(again).get(4)).endsWith("-weight");
    assertThat(counts(person.id())).isEqualTo(held);

    // A heart rate the visit did not record: refused at its entry's code, nothing stored.
    Bundle more = visit(person, visit, 140, 90);
    Observation rate = weight(more, "72", "/min");
    rate.getCode().getCodingFirstRep().setCode("8867-4");
    add(more, rate, null);
    HttpResponse<String> refused = post("/fhir", encode(more));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, refused.body());
    assertThat(outcome.getIssueFirstRep().getExpression().stream().map(e -> e.getValue()))
        .containsExactly("Bundle.entry[4]", "Observation.code");
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("心率 已登记 无，本次 72 /min");
    assertThat(counts(person.id())).isEqualTo(held);
  }

  /** A weight Observation of the visit in {@code bundle} (its BP's subject and encounter). */
  private static Observation weight(Bundle bundle, String value, String unit) {
    Observation bp = (Observation) bundle.getEntry().get(3).getResource();
    LocalDate on = LocalDate.parse(bp.getEffectiveDateTimeType().getValueAsString());
    Observation weight = quantity(0, "29463-7", value, unit);
    weight.setSubject(bp.getSubject().copy());
    weight.setEncounter(bp.getEncounter().copy());
    weight.setEffective(new DateTimeType(on.toString()));
    return weight;
  }

  private record Person(long id, IdentifierValue healthCode) {}

  /** A resident with a health record, known to the sender by the health code. */
  private Person person() {
    IdentifierValue code = People.healthCode();
    long id =
        registry
            .register(
                People.person(
                    "慢病" + chineseName(),
                    "1",
                    LocalDate.of(1956, 6, 6),
                    null,
                    "测试村",
                    village,
                    township,
                    code))
            .residentId();
    records.establish(id, village, "接口慢病测试", LocalDate.now().minusYears(2));
    return new Person(id, code);
  }

  /**
   * The vendor's history of one visit, no identifiers but the Patient's: the Patient (conditional
   * create by health code), the hypertension Condition, the Encounter, the BP Observation.
   */
  private static Bundle visit(Person person, LocalDate on, int systolic, int diastolic) {
    String patientUrl = "urn:uuid:" + UUID.randomUUID();
    String encounterUrl = "urn:uuid:" + UUID.randomUUID();
    Patient patient = new Patient();
    patient
        .addIdentifier()
        .setSystem(IdentifierSystems.HEALTH_CODE)
        .setValue(person.healthCode().value());
    patient.setGender(AdministrativeGender.MALE);
    patient.getBirthDateElement().setValueAsString("1956-06-06");
    Condition hypertension = new Condition();
    hypertension.setSubject(new Reference(patientUrl));
    hypertension.setCode(
        new CodeableConcept(new Coding(ICD10, "I10", "Essential (primary) hypertension")));
    hypertension.setRecordedDateElement(new DateTimeType(on.minusMonths(6).toString()));
    Encounter encounter = new Encounter();
    encounter.setStatus(Encounter.EncounterStatus.FINISHED);
    encounter.setClass_(
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
    encounter.setSubject(new Reference(patientUrl));
    encounter.setPeriod(new Period().setStartElement(new DateTimeType(on.toString())));
    Observation bp = bloodPressure(person.id(), on, systolic, diastolic);
    bp.setSubject(new Reference(patientUrl));
    bp.setEncounter(new Reference(encounterUrl));
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    add(bundle, patient, patientUrl)
        .getRequest()
        .setIfNoneExist(
            "identifier=" + IdentifierSystems.HEALTH_CODE + "|" + person.healthCode().value());
    add(bundle, hypertension, null);
    add(bundle, encounter, encounterUrl);
    add(bundle, bp, null);
    return bundle;
  }

  private static Bundle.BundleEntryComponent add(Bundle bundle, Resource resource, String url) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource).setFullUrl(url);
    entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.getResourceType().name());
    return entry;
  }

  private static Bundle transactionResponse(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static List<String> statuses(Bundle response) {
    return response.getEntry().stream().map(e -> e.getResponse().getStatus()).toList();
  }

  private static List<String> locations(Bundle response) {
    return response.getEntry().stream()
        .map(e -> e.getResponse().getLocation().replaceFirst("/_history/.*$", ""))
        .toList();
  }

  private Map<String, Long> counts(long patient) {
    Map<String, Long> counts = new LinkedHashMap<>();
    counts.put("followUps", count("chronic.follow_up", patient));
    counts.put("enrolments", count("chronic.enrolment", patient));
    counts.put("screenings", count("chronic.screening", patient));
    counts.put("encounters", total("fhir.encounter"));
    counts.put("sourceIdentifiers", total("fhir.source_identifier"));
    return counts;
  }
}
