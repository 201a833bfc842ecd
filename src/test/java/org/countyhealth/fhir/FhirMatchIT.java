package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.shared.IdCardNumber;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Patient/$match and bad input: every answer is valid R4, refusals are OperationOutcomes. */
@IntegrationTest
class FhirMatchIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final String JSON = "application/fhir+json";
  private static FhirHttp http;
  private static int httpPort;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;

  private String village;
  private String township;

  @BeforeEach
  void signIn() throws Exception {
    DemoClinic clinic = DemoClinic.of(jdbc);
    village = clinic.village();
    township = clinic.township();
    if (http == null || httpPort != port) {
      http =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "fhir-match",
                  village,
                  "匹配测试医生",
                  Role.VILLAGE_DOCTOR,
                  ScopeKind.OWN_FACILITY)
              .http();
      httpPort = port;
    }
  }

  @Test
  void sameIdCardIsACertainMatch() throws Exception {
    String code = "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    // An even 17th digit: the card says female, like the record (GB 11643).
    String first17 = "44162119610409" + String.format("%03d", (int) (System.nanoTime() % 500) * 2);
    String idCard = first17 + IdCardNumber.checkCharacter(first17);
    long id = resident("缑丽桦", code, idCard);
    Patient candidate = new Patient();
    candidate.addName().setText("缑丽桦");
    candidate.setGender(AdministrativeGender.FEMALE);
    candidate.getBirthDateElement().setValueAsString("1961-04-09");
    candidate.addIdentifier().setSystem(IdentifierSystems.ID_CARD).setValue(idCard);
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("resource").setResource(candidate);

    HttpResponse<String> response =
        http.post(
            "/fhir/Patient/$match", JSON, FHIR.newJsonParser().encodeResourceToString(parameters));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    Bundle bundle = FHIR.newJsonParser().parseResource(Bundle.class, response.body());
    assertThat(bundle.getEntry()).hasSize(1);
    Bundle.BundleEntryComponent entry = bundle.getEntryFirstRep();
    assertThat(entry.getResource().getIdElement().getIdPart()).isEqualTo(String.valueOf(id));
    assertThat(
            ((CodeType)
                    entry
                        .getSearch()
                        .getExtensionByUrl("http://hl7.org/fhir/StructureDefinition/match-grade")
                        .getValue())
                .getValue())
        .isEqualTo("certain");
  }

  @Test
  void malformedJsonIsA400OperationOutcome() throws Exception {
    HttpResponse<String> response =
        http.post(
            "/fhir/Patient/$match", JSON, "{\"resourceType\": \"Parameters\", \"parameter\": [");
    assertThat(response.statusCode()).isBetween(400, 499);
    assertThat(response.body()).contains("OperationOutcome");
    Conformance.assertValid(response.body());
  }

  @Test
  void anOrganizationWhereAPatientIsExpectedIsRefused() throws Exception {
    Organization wrong = new Organization().setName("不是患者");
    HttpResponse<String> response =
        http.post("/fhir/Patient/$match", JSON, FHIR.newJsonParser().encodeResourceToString(wrong));
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).contains("OperationOutcome").contains("Organization");
    Conformance.assertValid(response.body());
  }

  @Test
  void aCandidateWithoutBirthDateIsRefusedWithItsLocation() throws Exception {
    Patient candidate = new Patient();
    candidate.addName().setText("无生日");
    candidate.setGender(AdministrativeGender.MALE);
    Parameters parameters = new Parameters();
    parameters.addParameter().setName("resource").setResource(candidate);
    HttpResponse<String> response =
        http.post(
            "/fhir/Patient/$match", JSON, FHIR.newJsonParser().encodeResourceToString(parameters));
    assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
    assertThat(response.body()).contains("OperationOutcome").contains("Patient.birthDate");
    Conformance.assertValid(response.body());
  }

  private long resident(String name, String healthCode, String idCard) {
    return registry
        .register(
            new RegistrationRequest(
                name,
                "2",
                LocalDate.of(1961, 4, 9),
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
                    IdentifierValue.of(IdentifierType.HEALTH_CODE, healthCode),
                    IdentifierValue.of(IdentifierType.ID_CARD, idCard))))
        .residentId();
  }
}
