package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.People;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Fixtures of the clinical FHIR ITs: a village doctor of the resident's clinic signed in over real
 * HTTP, residents of that clinic, resource builders; every response goes through the R4 validator.
 */
abstract class ClinicalFhirSupport {

  static final FhirContext FHIR = FhirContext.forR4Cached();
  static final String JSON = "application/fhir+json";
  static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
  static final String LOINC = "http://loinc.org";
  static final String UCUM = "http://unitsofmeasure.org";

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;
  @Autowired ChronicCare chronic;
  @Autowired HealthRecords records;

  String village;
  String township;
  FhirHttp http;
  Actor actor;

  @BeforeEach
  void signIn() throws Exception {
    DemoClinic clinic = DemoClinic.of(jdbc);
    village = clinic.village();
    township = clinic.township();
    FhirUser user =
        FhirUser.create(
            port,
            jdbc,
            accounts,
            "fhir-clin",
            village,
            "接口慢病测试",
            Role.VILLAGE_DOCTOR,
            ScopeKind.OWN_FACILITY);
    http = user.http();
    actor =
        new Actor(
            0L,
            user.username(),
            "接口慢病测试",
            user.staff(),
            village,
            Set.of("VILLAGE_DOCTOR"),
            Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "RESIDENT_VIEW", "RESIDENT_EDIT"),
            DataScope.of(Set.of(village)));
  }

  /** Another caller at a facility, with its own account and own-facility scope. */
  FhirHttp session(String usernamePrefix, String facility, String staffName, Role role)
      throws Exception {
    return FhirUser.create(
            port, jdbc, accounts, usernamePrefix, facility, staffName, role, ScopeKind.OWN_FACILITY)
        .http();
  }

  void assertRefused(Observation o, int status, String where) throws Exception {
    HttpResponse<String> response = post("/fhir/Observation", encode(o));
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Conformance.assertValid(response.body());
    assertThat(location(response)).isEqualTo(where);
  }

  static void assertEquivalent(Observation back, Observation sent) {
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

  static Observation bloodPressure(long patient, LocalDate on, int s, int d) {
    Observation o = vital(patient, on, "85354-9");
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8480-6", "Systolic blood pressure")))
        .setValue(mmHg(s));
    o.addComponent()
        .setCode(new CodeableConcept(new Coding(LOINC, "8462-4", "Diastolic blood pressure")))
        .setValue(mmHg(d));
    return o;
  }

  static Observation quantity(long patient, String code, String value, String unit) {
    Observation o = vital(patient, LocalDate.now(), code);
    o.setValue(
        new Quantity().setValue(new BigDecimal(value)).setSystem(UCUM).setCode(unit).setUnit(unit));
    return o;
  }

  static Observation vital(long patient, LocalDate on, String code) {
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

  static Quantity mmHg(int v) {
    return new Quantity()
        .setValue(BigDecimal.valueOf(v))
        .setUnit("mmHg")
        .setSystem(UCUM)
        .setCode("mm[Hg]");
  }

  static String hypertension(long patient, LocalDate recorded) {
    Condition c = new Condition();
    c.setSubject(new Reference("Patient/" + patient));
    c.setCode(new CodeableConcept(new Coding(ICD10, "I10", "Essential (primary) hypertension")));
    c.setRecordedDateElement(new DateTimeType(recorded.toString()));
    return encode(c);
  }

  HttpResponse<String> post(String path, String body) throws Exception {
    HttpResponse<String> response = http.post(path, JSON, body);
    if (!response.body().isBlank()) {
      Conformance.assertValid(response.body());
    }
    return response;
  }

  <T extends IBaseResource> T read(String path, Class<T> type) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(type, response.body());
  }

  Bundle search(String path) throws Exception {
    return read(path, Bundle.class);
  }

  static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  static String idOf(HttpResponse<String> created) {
    String location = created.headers().firstValue("Location").orElseThrow();
    String path = location.substring(location.indexOf("/fhir/") + 6);
    return path.split("/")[1];
  }

  static String location(HttpResponse<String> response) {
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    return outcome.getIssueFirstRep().getExpression().get(0).getValue();
  }

  static String encode(IBaseResource resource) {
    return FHIR.newJsonParser().encodeResourceToString(resource);
  }

  long resident(LocalDate birth) {
    return registry
        .register(
            People.person(
                "慢病" + chineseName(),
                "1",
                birth,
                null,
                "测试村",
                village,
                township,
                People.healthCode()))
        .residentId();
  }

  static String chineseName() {
    java.util.concurrent.ThreadLocalRandom r = java.util.concurrent.ThreadLocalRandom.current();
    return new String(
        new char[] {(char) (0x4E00 + r.nextInt(3000)), (char) (0x4E00 + r.nextInt(3000))});
  }

  long count(String table, long patient) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE resident_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }

  long total(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
  }

  long illnesses(long patient) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM residents.medical_history m JOIN residents.health_record r"
                + " ON r.id = m.record_id WHERE r.resident_id = ?")
        .param(patient)
        .query(Long.class)
        .single();
  }

  long audits(String action, long patient) {
    return jdbc.sql("SELECT COUNT(*) FROM audit.audit_event WHERE action = ? AND object_id = ?")
        .params(action, String.valueOf(patient))
        .query(Long.class)
        .single();
  }
}
