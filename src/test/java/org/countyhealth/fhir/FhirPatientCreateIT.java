package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.People;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.shared.IdCardNumber;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * POST /fhir/Patient registers through the resident index as the registration page does; refusals
 * are 422 OperationOutcomes naming the element and store nothing.
 */
@IntegrationTest
class FhirPatientCreateIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String JSON = "application/fhir+json";
  private static FhirHttp doctor;
  private static FhirHttp manager;
  private static int httpPort;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  private String village;

  @BeforeEach
  void signIn() throws Exception {
    village =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    if (doctor == null || httpPort != port) {
      doctor = account(Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
      manager = account(Role.CONSORTIUM_MANAGER, ScopeKind.WHOLE_CONSORTIUM);
      httpPort = port;
    }
  }

  @Test
  void aNewPatientIsRegisteredAndAudited() throws Exception {
    Patient patient = patient("2", "1978-06-21", "衡", "雅楠");
    long residentsBefore = residents();

    HttpResponse<String> response = post(patient);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    String location = response.headers().firstValue("Location").orElseThrow();
    String id = location.replaceAll(".*/Patient/([0-9]+).*", "$1");
    assertThat(residents()).isEqualTo(residentsBefore + 1);
    assertThat(
            jdbc.sql(
                    "SELECT name || '/' || sex || '/' || facility_code FROM residents.resident"
                        + " WHERE id = ?")
                .param(Long.parseLong(id))
                .query(String.class)
                .single())
        .isEqualTo("衡雅楠/2/" + village);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit.audit_event WHERE action = 'FHIR_PATIENT_CREATE'"
                        + " AND object_type = 'Resident' AND object_id = ?")
                .param(id)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void aPatientWrittenAndReadBackIsEquivalent() throws Exception {
    Patient written = patient("1", "1961-12-08", "欧阳", "振华");
    Address given = written.getAddressFirstRep();
    given.addExtension(
        "https://fhir.countyhealth.org/StructureDefinition/division-code", new CodeType("441621"));
    given.addExtension(
        "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-precinct", new StringType("岭墩村"));
    Conformance.assertValid(FHIR.newJsonParser().encodeResourceToString(written));
    HttpResponse<String> created = post(written);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

    HttpResponse<String> read = doctor.get("/fhir/Patient/" + idOf(created));

    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
    Patient back = FHIR.newJsonParser().parseResource(Patient.class, read.body());
    assertThat(back.getNameFirstRep().getText()).isEqualTo("欧阳振华");
    assertThat(back.getGender()).isEqualTo(written.getGender());
    assertThat(back.getBirthDateElement().getValueAsString()).isEqualTo("1961-12-08");
    assertThat(identifiers(back))
        .containsAll(identifiers(written))
        .contains(IdentifierSystems.RESIDENT + "|" + idOf(created));
    Identifier mrn =
        back.getIdentifier().stream()
            .filter(i -> i.getSystem().equals(IdentifierSystems.MEDICAL_RECORD_NUMBER))
            .findFirst()
            .orElseThrow();
    assertThat(mrn.getAssigner().getIdentifier().getValue()).isEqualTo(village);
    assertThat(back.getTelecom())
        .extracting(t -> t.getSystem() + "|" + t.getValue())
        .containsExactly("PHONE|" + written.getTelecomFirstRep().getValue());
    Address address = back.getAddressFirstRep();
    assertThat(address.getText()).isEqualTo(written.getAddressFirstRep().getText());
    assertThat(address.getExtension())
        .extracting(e -> e.getUrl() + "=" + e.getValue().primitiveValue())
        .containsExactlyInAnyOrderElementsOf(
            written.getAddressFirstRep().getExtension().stream()
                .map(e -> e.getUrl() + "=" + e.getValue().primitiveValue())
                .toList());
    assertThat(back.getManagingOrganization().getReference()).isEqualTo("Organization/" + village);
  }

  @Test
  void anIdentifierSearchIsNarrowedByItsSystem() throws Exception {
    Patient holder = patient("2", "1972-03-15", "闻人", "素梅");
    HttpResponse<String> first = post(holder);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String code =
        holder.getIdentifier().stream()
            .filter(i -> i.getSystem().equals(IdentifierSystems.HEALTH_CODE))
            .findFirst()
            .orElseThrow()
            .getValue();
    // Another resident whose medical-record number happens to be the same characters.
    Patient other = patient("1", "1966-10-02", "公冶", "长青");
    other.getIdentifier().stream()
        .filter(i -> i.getSystem().equals(IdentifierSystems.MEDICAL_RECORD_NUMBER))
        .findFirst()
        .orElseThrow()
        .setValue(code);
    HttpResponse<String> second = post(other);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(201);

    assertThat(
            searchIds("/fhir/Patient?identifier=" + IdentifierSystems.HEALTH_CODE + "%7C" + code))
        .containsExactly(idOf(first));
    assertThat(
            searchIds(
                "/fhir/Patient?identifier="
                    + IdentifierSystems.MEDICAL_RECORD_NUMBER
                    + "%7C"
                    + code))
        .containsExactly(idOf(second));
    assertThat(searchIds("/fhir/Patient?identifier=" + code))
        .containsExactlyInAnyOrder(idOf(first), idOf(second));
  }

  @Test
  void theSameIdCardAgainAnswersTheExistingResident() throws Exception {
    Patient patient = patient("1", "1969-02-11", "濮", "文韬");
    HttpResponse<String> first = post(patient);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    long residentsBefore = residents();

    Patient again = patient.copy();
    again.getIdentifier().removeIf(i -> !i.getSystem().equals(IdentifierSystems.ID_CARD));
    HttpResponse<String> second = post(again);

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(idOf(second)).isEqualTo(idOf(first));
    assertThat(residents()).isEqualTo(residentsBefore);
  }

  @Test
  void aLinkedPersonAnswersTheExistingResidentAndAPotentialDuplicateIsANewRecordForReview()
      throws Exception {
    String birth = People.randomBirthDate().toString();
    String phone = People.randomPhone();
    HttpResponse<String> first = post(person("王丽", birth, phone, "下坪村"));
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    long residentsBefore = residents();

    // A homophone with the same birth date, phone and village: the index links them (LINK).
    HttpResponse<String> linked = post(person("王莉", birth, phone, "下坪村"));

    assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
    assertThat(idOf(linked)).isEqualTo(idOf(first));
    assertThat(residents()).isEqualTo(residentsBefore);

    String other = People.randomBirthDate().toString();
    HttpResponse<String> a = post(person("陈建国", other, People.randomPhone(), "石坑村"));
    assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
    // A homophone with another phone: a potential duplicate, registered and queued for review.
    HttpResponse<String> b = post(person("陈健国", other, People.randomPhone(), "石坑村"));
    assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
    assertThat(idOf(b)).isNotEqualTo(idOf(a));
    assertThat(
            jdbc.sql(
                    "SELECT review_status || '/' || candidate_id FROM residents.match_decision"
                        + " WHERE resident_id = ?")
                .param(Long.parseLong(idOf(b)))
                .query(String.class)
                .single())
        .isEqualTo("PENDING/" + idOf(a));
  }

  @Test
  void ifNoneExistByIdentifierAnswersTheHolder() throws Exception {
    Patient patient = patient("2", "1983-09-30", "眭", "晓岚");
    HttpResponse<String> first = post(patient);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
    String code =
        patient.getIdentifier().stream()
            .filter(i -> i.getSystem().equals(IdentifierSystems.HEALTH_CODE))
            .findFirst()
            .orElseThrow()
            .getValue();
    long residentsBefore = residents();

    // Another person entirely: the condition alone decides, nothing is registered.
    HttpResponse<String> second =
        doctor.post(
            "/fhir/Patient",
            JSON,
            FHIR.newJsonParser().encodeResourceToString(patient("1", "1990-01-01", "郜", "不应登记")),
            "If-None-Exist",
            "identifier=" + IdentifierSystems.HEALTH_CODE + "|" + code);

    assertThat(second.statusCode()).as(second.body()).isEqualTo(200);
    assertThat(idOf(second)).isEqualTo(idOf(first));
    assertThat(residents()).isEqualTo(residentsBefore);
  }

  @Test
  void badInputIsRefusedWithItsLocationAndStoresNothing() throws Exception {
    Patient noBirth = patient("1", "1970-01-01", "阙", "无生日");
    noBirth.setBirthDate(null);
    Patient badCheckDigit = patient("1", "1970-01-01", "阙", "校验位");
    String card = badCheckDigit.getIdentifierFirstRep().getValue();
    char wrong = card.charAt(17) == '1' ? '2' : '1';
    badCheckDigit.getIdentifierFirstRep().setValue(card.substring(0, 17) + wrong);
    Patient unknownSystem = patient("1", "1970-01-01", "阙", "体系");
    unknownSystem.getIdentifier().get(1).setSystem("http://example.org/unknown");
    Patient noGender = patient("1", "1970-01-01", "阙", "无性别");
    noGender.setGender(null);
    Patient wrongSex = patient("1", "1970-01-01", "阙", "性别不符");
    wrongSex.setGender(AdministrativeGender.FEMALE);
    Patient badPhone = patient("1", "1970-01-01", "阙", "电话");
    badPhone.getTelecomFirstRep().setValue("电话号码");
    long residentsBefore = residents();
    long identifiersBefore = identifiers();

    assertRefused(post(noBirth), "Patient.birthDate");
    assertRefused(post(badCheckDigit), "Patient.identifier[0].value");
    assertRefused(post(unknownSystem), "Patient.identifier[1].system");
    assertRefused(post(noGender), "Patient.gender");
    assertRefused(post(wrongSex), "Patient.gender");
    assertRefused(post(badPhone), "Patient.telecom[0].value");

    assertThat(residents()).isEqualTo(residentsBefore);
    assertThat(identifiers()).isEqualTo(identifiersBefore);
  }

  @Test
  void anAccountWithoutTheEditPrivilegeIsForbidden() throws Exception {
    long residentsBefore = residents();
    HttpResponse<String> response =
        manager.post(
            "/fhir/Patient",
            JSON,
            FHIR.newJsonParser().encodeResourceToString(patient("1", "1975-05-05", "钭", "管理")));
    assertThat(response.statusCode()).isEqualTo(403);
    Conformance.assertValid(response.body());
    assertThat(residents()).isEqualTo(residentsBefore);
  }

  private static void assertRefused(HttpResponse<String> response, String location) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    Conformance.assertValid(response.body());
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getExpression())
        .extracting(e -> e.getValue())
        .containsExactly(location);
  }

  private List<String> searchIds(String path) throws Exception {
    HttpResponse<String> response = doctor.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry().stream()
        .map(e -> e.getResource().getIdElement().getIdPart())
        .toList();
  }

  private static List<String> identifiers(Patient p) {
    return p.getIdentifier().stream().map(i -> i.getSystem() + "|" + i.getValue()).toList();
  }

  private static String idOf(HttpResponse<String> response) {
    return response
        .headers()
        .firstValue("Location")
        .orElseThrow()
        .replaceAll(".*/Patient/([0-9]+).*", "$1");
  }

  private HttpResponse<String> post(Patient patient) throws Exception {
    return doctor.post("/fhir/Patient", JSON, FHIR.newJsonParser().encodeResourceToString(patient));
  }

  /** A Patient with a valid identity card matching sex and birth date, a health code and an MRN. */
  static Patient patient(String sex, String birth, String family, String given) {
    int sequence = ThreadLocalRandom.current().nextInt(0, 499) * 2 + ("1".equals(sex) ? 1 : 0);
    String first17 = "441621" + birth.replace("-", "") + String.format("%03d", sequence);
    String idCard = first17 + IdCardNumber.checkCharacter(first17);
    String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 12).toUpperCase();
    Patient patient = new Patient();
    patient.addIdentifier().setSystem(IdentifierSystems.ID_CARD).setValue(idCard);
    patient.addIdentifier().setSystem(IdentifierSystems.HEALTH_CODE).setValue("HC" + unique);
    patient
        .addIdentifier()
        .setSystem(IdentifierSystems.MEDICAL_RECORD_NUMBER)
        .setValue("MR" + unique);
    patient.addName().setFamily(family).addGiven(given);
    patient.setGender("1".equals(sex) ? AdministrativeGender.MALE : AdministrativeGender.FEMALE);
    patient.getBirthDateElement().setValueAsString(birth);
    patient
        .addTelecom()
        .setSystem(ContactPoint.ContactPointSystem.PHONE)
        .setValue("139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)));
    patient.addAddress().setText("广东省河源市紫金县紫城镇测试村" + unique.substring(0, 3) + "号");
    return patient;
  }

  /** A person without identifiers: only the index's scoring can tell who they are. */
  private static Patient person(String name, String birth, String phone, String village) {
    Patient patient = new Patient();
    patient.addName().setText(name);
    patient.setGender(
        name.startsWith("王") ? AdministrativeGender.FEMALE : AdministrativeGender.MALE);
    patient.getBirthDateElement().setValueAsString(birth);
    patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(phone);
    patient
        .addAddress()
        .setText("紫金县" + village + "1号")
        .addExtension(
            "http://hl7.org/fhir/StructureDefinition/iso21090-ADXP-precinct",
            new StringType(village));
    return patient;
  }

  private FhirHttp account(Role role, ScopeKind scope) throws Exception {
    return FhirUser.create(
            port, jdbc, accounts, "fhir-create", village, "登记测试" + role.label(), role, scope)
        .http();
  }

  private long residents() {
    return jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();
  }

  private long identifiers() {
    return jdbc.sql("SELECT COUNT(*) FROM residents.identifier").query(Long.class).single();
  }
}
