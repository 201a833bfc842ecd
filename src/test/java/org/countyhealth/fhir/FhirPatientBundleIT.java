package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countyhealth.fhir.FhirPatientCreateIT.patient;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.AuditProbe;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The Patients of a transaction bundle are registered as one batch of the resident index, and the
 * bundle's writes are audited in its transaction: a refused entry is located exactly and leaves
 * neither residents nor "created" audit events behind.
 */
@IntegrationTest
class FhirPatientBundleIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirHttp doctor;
  private static int httpPort;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired AuditProbe audit;

  @BeforeEach
  void signIn() throws Exception {
    if (doctor == null || httpPort != port) {
      String village =
          jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
              .query(String.class)
              .single();
      doctor =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "fhir-batch",
                  village,
                  "批量登记测试",
                  Role.VILLAGE_DOCTOR,
                  ScopeKind.OWN_FACILITY)
              .http();
      httpPort = port;
    }
  }

  @Test
  void theBundlesPatientsAreRegisteredTogetherAndTheSamePersonTwiceOnce() throws Exception {
    Patient a = patient("1", "1958-04-02", "符", "国栋");
    Patient b = patient("2", "1963-11-19", "符", "秀英");
    Patient c = patient("1", "1990-07-07", "符", "子轩");
    Patient aAgain = a.copy();
    aAgain.getIdentifier().removeIf(i -> !i.getSystem().equals(IdentifierSystems.ID_CARD));
    long residentsBefore = residents();
    long mark = audit.mark();

    HttpResponse<String> response = post(a, b, c, aAgain);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    List<BundleEntryComponent> answers =
        FHIR.newJsonParser().parseResource(Bundle.class, response.body()).getEntry();
    assertThat(answers)
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "201 Created", "201 Created", "200 OK");
    assertThat(location(answers.get(3))).isEqualTo(location(answers.get(0)));
    assertThat(residents()).isEqualTo(residentsBefore + 3);
    List<String> created =
        audit.since(mark).stream()
            .filter(e -> e.action().equals("FHIR_PATIENT_CREATE"))
            .map(AuditProbe.Event::objectId)
            .toList();
    assertThat(created)
        .containsExactly(
            idOf(answers.get(0)), idOf(answers.get(1)), idOf(answers.get(2)), idOf(answers.get(0)));
  }

  @Test
  void aPatientRefusedByItsFieldsIsLocatedAndNothingIsStoredOrAudited() throws Exception {
    Patient wrongSex = patient("1", "1971-01-01", "路", "性别不符");
    wrongSex.setGender(AdministrativeGender.FEMALE);
    long residentsBefore = residents();
    long mark = audit.mark();

    HttpResponse<String> response =
        post(
            patient("2", "1971-02-02", "路", "一"),
            patient("1", "1971-03-03", "路", "二"),
            wrongSex,
            patient("2", "1971-04-04", "路", "四"));

    assertRefusedAt(response, "Bundle.entry[2]", "Patient.gender");
    assertThat(residents()).isEqualTo(residentsBefore);
    assertThat(audit.since(mark)).noneMatch(e -> e.action().equals("FHIR_PATIENT_CREATE"));
  }

  @Test
  void aPatientRefusedByTheIndexIsLocatedAtItsOwnEntry() throws Exception {
    Patient holder = patient("2", "1966-05-05", "路", "持码人");
    HttpResponse<String> first = post(holder);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    // Another person claiming the holder's health code: the index refuses it (IDENTIFIER_IN_USE).
    Patient claimant = patient("1", "1980-08-08", "路", "冒用者");
    String code = identifier(holder, IdentifierSystems.HEALTH_CODE);
    claimant.getIdentifier().stream()
        .filter(i -> i.getSystem().equals(IdentifierSystems.HEALTH_CODE))
        .findFirst()
        .orElseThrow()
        .setValue(code);
    long residentsBefore = residents();

    HttpResponse<String> response =
        post(
            patient("2", "1972-02-02", "路", "甲"),
            patient("1", "1972-03-03", "路", "乙"),
            patient("2", "1972-04-04", "路", "丙"),
            claimant);

    assertRefusedAt(response, "Bundle.entry[3]", "Patient.identifier");
    assertThat(residents()).isEqualTo(residentsBefore);
  }

  @Test
  void theSamePeopleInManyFilesOfOneImportAreRegisteredOnce() throws Exception {
    // The job's workers take files at the same time: both may register the same person at once.
    Patient a = patient("1", "1955-09-09", "符", "重复甲");
    Patient b = patient("2", "1957-10-10", "符", "重复乙");
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < 8; i++) {
      Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
      for (Patient p : List.of(a, b)) {
        bundle.addEntry().setResource(p).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
      }
      files.put("copy-" + i + ".json", FHIR.newJsonParser().encodeResourceToString(bundle));
    }
    long residentsBefore = residents();

    String report =
        FhirImports.await(doctor, FhirImports.location(FhirImports.upload(doctor, files)));

    assertThat(report).contains("\"created\":2", "\"existing\":14", "\"rejected\":0");
    assertThat(residents()).isEqualTo(residentsBefore + 2);
  }

  private static void assertRefusedAt(HttpResponse<String> response, String... expressions) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    Conformance.assertValid(response.body());
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getExpression())
        .extracting(e -> e.getValue())
        .containsExactly(expressions);
  }

  private HttpResponse<String> post(Patient... patients) throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    for (Patient p : patients) {
      bundle.addEntry().setResource(p).getRequest().setMethod(HTTPVerb.POST).setUrl("Patient");
    }
    return doctor.post(
        "/fhir", "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  private static String identifier(Patient p, String system) {
    return p.getIdentifier().stream()
        .filter(i -> i.getSystem().equals(system))
        .findFirst()
        .orElseThrow()
        .getValue();
  }

  private static String location(BundleEntryComponent answer) {
    return answer.getResponse().getLocation();
  }

  private static String idOf(BundleEntryComponent answer) {
    return location(answer).replaceAll(".*Patient/([0-9]+).*", "$1");
  }

  private long residents() {
    return jdbc.sql("SELECT COUNT(*) FROM residents.resident").query(Long.class).single();
  }
}
