package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.VisitMode;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.SecurityTestSupport;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Condition, Observation, Encounter and CarePlan through the real server, signed in as a village
 * doctor of the resident's clinic; every response goes through the R4 validator.
 */
@IntegrationTest
class FhirClinicalIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String JSON = "application/fhir+json";
  private static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  private static final String LOINC = "http://loinc.org";
  private static final String UCUM = "http://unitsofmeasure.org";

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;
  @Autowired ChronicCare chronic;
  @Autowired HealthRecords records;

  private String village;
  private String township;
  private FhirHttp http;
  private Actor actor;

  @BeforeEach
  void signIn() throws Exception {
    village =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    township =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(village)
            .query(String.class)
            .single();
    String username = "fhir-clin-" + UUID.randomUUID().toString().substring(0, 8);
    long staff = SecurityTestSupport.insertStaff(jdbc, village, "接口慢病测试");
    accounts.create(
        new Accounts.NewAccount(
            username,
            SecurityTestSupport.PASSWORD,
            staff,
            Set.of(Role.VILLAGE_DOCTOR),
            ScopeKind.OWN_FACILITY,
            true));
    http = FhirHttp.signedIn(port, username, SecurityTestSupport.PASSWORD);
    actor =
        new Actor(
            0L,
            username,
            "接口慢病测试",
            staff,
            village,
            Set.of("VILLAGE_DOCTOR"),
            Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "RESIDENT_VIEW", "RESIDENT_EDIT"),
            DataScope.of(Set.of(village)));
  }

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

    // A second enrolment: refused as a plain create, answered with the first as a conditional one.
    HttpResponse<String> again = post("/fhir/Condition", hypertension(patient, enrolled));
    assertThat(again.statusCode()).isEqualTo(422);
    Conformance.assertValid(again.body());
    assertThat(again.body()).contains("不能重复建档");
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
  void encounterWithBloodPressureIsAFollowUpLikeTheForm() throws Exception {
    long patient = resident(LocalDate.of(1956, 1, 20));
    LocalDate enrolled = LocalDate.now().minusDays(40);
    String condition = idOf(post("/fhir/Condition", hypertension(patient, enrolled)));
    long enrolment = Long.parseLong(condition.substring("enrolment-".length()));
    LocalDate visit = LocalDate.now().minusDays(1);
    FollowUpOutcome expected =
        chronic.preview(
            actor,
            new FollowUpRequest(
                enrolment,
                visit,
                VisitMode.CLINIC,
                null,
                null,
                null,
                168,
                102,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                false,
                null,
                false));
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

  private void assertRefused(Observation o, int status, String where) throws Exception {
    HttpResponse<String> response = post("/fhir/Observation", encode(o));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Conformance.assertValid(response.body());
    assertThat(location(response)).isEqualTo(where);
  }

  private static void assertEquivalent(Observation back, Observation sent) {
    assertThat(back.getStatus()).isEqualTo(sent.getStatus());
    assertThat(back.getCode().getCodingFirstRep().getSystem())
        .isEqualTo(sent.getCode().getCodingFirstRep().getSystem());
    assertThat(back.getCode().getCodingFirstRep().getCode())
        .isEqualTo(sent.getCode().getCodingFirstRep().getCode());
    assertThat(back.getSubject().getReference()).isEqualTo(sent.getSubject().getReference());
    assertThat(back.getEncounter().getReference()).isEqualTo(sent.getEncounter().getReference());
    assertThat(back.getEffectiveDateTimeType().getValueAsString())
        .isEqualTo(sent.getEffectiveDateTimeType().getValueAsString());
    assertThat(back.getComponent()).hasSameSizeAs(sent.getComponent());
    for (Observation.ObservationComponentComponent c : sent.getComponent()) {
      Observation.ObservationComponentComponent match =
          back.getComponent().stream()
              .filter(
                  b ->
                      b.getCode()
                          .getCodingFirstRep()
                          .getCode()
                          .equals(c.getCode().getCodingFirstRep().getCode()))
              .findFirst()
              .orElseThrow();
      assertThat(match.getValueQuantity().getValue())
          .isEqualByComparingTo(c.getValueQuantity().getValue());
      assertThat(match.getValueQuantity().getCode()).isEqualTo(c.getValueQuantity().getCode());
      assertThat(match.getValueQuantity().getSystem()).isEqualTo(c.getValueQuantity().getSystem());
    }
  }

  private static Observation bloodPressure(long patient, LocalDate on, int s, int d) {
    Observation o = vital(patient, on, "85354-9");
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8480-6", "Systolic blood pressure")))
        .setValue(mmHg(s));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8462-4", "Diastolic blood pressure")))
        .setValue(mmHg(d));
    return o;
  }

  private static Observation quantity(long patient, String code, String value, String unit) {
    Observation o = vital(patient, LocalDate.now(), code);
    o.setValue(
        new Quantity().setValue(new BigDecimal(value)).setSystem(UCUM).setCode(unit).setUnit(unit));
    return o;
  }

  private static Observation vital(long patient, LocalDate on, String code) {
    Observation o = new Observation();
    o.setStatus(Observation.ObservationStatus.FINAL);
    o.addCategory()
        .addCoding(
            new Coding(
                "http://terminology.hl7.org/CodeSystem/observation-category",
                "vital-signs",
                "Vital Signs"));
    o.setCode(new CodeableConcept(new Coding(LOINC, code, null)));
    o.setSubject(new Reference("Patient/" + patient));
    o.setEffective(new DateTimeType(on.toString()));
    return o;
  }

  private static Quantity mmHg(int v) {
    return new Quantity()
        .setValue(BigDecimal.valueOf(v))
        .setUnit("mmHg")
        .setSystem(UCUM)
        .setCode("mm[Hg]");
  }

  private static String hypertension(long patient, LocalDate recorded) {
    Condition c = new Condition();
    c.setSubject(new Reference("Patient/" + patient));
    c.setCode(new CodeableConcept(new Coding(ICD10, "I10", "Essential (primary) hypertension")));
    c.setRecordedDateElement(new DateTimeType(recorded.toString()));
    return encode(c);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    HttpResponse<String> response = http.post(path, JSON, body);
    if (!response.body().isBlank()) {
      Conformance.assertValid(response.body());
    }
    return response;
  }

  private <T extends IBaseResource> T read(String path, Class<T> type) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(type, response.body());
  }

  private Bundle search(String path) throws Exception {
    return read(path, Bundle.class);
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private static String idOf(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/fhir/") + 6);
    return path.split("/")[1];
  }

  private static String location(HttpResponse<String> response) {
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssueFirstRep().getExpression().get(0).getValue();
  }

  private static String encode(IBaseResource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  private long resident(LocalDate birth) {
    return registry
        .register(
            new RegistrationRequest(
                "慢病" + chineseName(),
                "1",
                birth,
                "01",
                null,
                "紫金县测试村2号",
                "441621",
                "测试村",
                "PERMANENT",
                village,
                township,
                null,
                village,
                List.of(
                    IdentifierValue.of(
                        IdentifierType.HEALTH_CODE,
                        "HC"
                            + UUID.randomUUID()
                                .toString()
                                .replace("-", "")
                                .substring(0, 16)
                                .toUpperCase()))))
        .residentId();
  }

  private static String chineseName() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return new String(
        new char[] {(char) (0x4E00 + r.nextInt(3000)), (char) (0x4E00 + r.nextInt(3000))});
  }

  private long count(String table, long patient) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE resident_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }

  private long total(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  private long illnesses(long patient) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM residents.medical_history m JOIN residents.health_record r"
                + " ON r.id = m.record_id WHERE r.resident_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }

  private long audits(String action, long patient) {
    return jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = ? AND object_id = ?")
        .params(action, String.valueOf(patient))
        .query(Long.class)
        .single();
  }
}
