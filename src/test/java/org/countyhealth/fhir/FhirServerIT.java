package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The FHIR endpoint through the real server and its security filter chain, signed in with demo
 * accounts; every response body goes through the R4 validator.
 */
@IntegrationTest
class FhirServerIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  private static final Map<String, FhirHttp> SESSIONS = new ConcurrentHashMap<>();
  private static final Map<String, Long> STAFF = new ConcurrentHashMap<>();

  @LocalServerPort int port;

  @Value("${countyhealth.demo.password:Zijin#County2026}")
  String password;

  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;

  private String village;
  private String township;

  @BeforeEach
  void facilities() {
    village = facilityOf("villagedoctor");
    township =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(village)
            .query(String.class)
            .single();
  }

  @Test
  void withoutASessionTheEndpointIsClosed() throws Exception {
    HttpResponse<String> response = FhirHttp.anonymous(port).get("/fhir/metadata");
    assertThat(response.statusCode()).isIn(302, 401);
    assertThat(response.body()).doesNotContain("CapabilityStatement");
  }

  @Test
  void capabilityStatementListsExactlyWhatIsImplementedInJsonAndXml() throws Exception {
    FhirHttp http = session("villagedoctor", password);
    HttpResponse<String> json = http.get("/fhir/metadata");
    assertThat(json.statusCode()).isEqualTo(200);
    Conformance.assertValid(json.body());
    CapabilityStatement cs =
        FHIR.newJsonParser().parseResource(CapabilityStatement.class, json.body());
    List<CapabilityStatementRestResourceComponent> resources = cs.getRestFirstRep().getResource();
    // OperationDefinition: HAPI's capability provider serves the definitions of the operations.
    assertThat(resources)
        .extracting(CapabilityStatementRestResourceComponent::getType)
        .containsExactlyInAnyOrder(
            "Patient",
            "Organization",
            "Practitioner",
            "PractitionerRole",
            "ServiceRequest",
            "Task",
            "AuditEvent",
            "Condition",
            "Observation",
            "Encounter",
            "CarePlan",
            "OperationDefinition");
    CapabilityStatementRestResourceComponent practitioner =
        resources.stream()
            .filter(r -> r.getType().equals("Practitioner"))
            .findFirst()
            .orElseThrow();
    assertThat(practitioner.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("read", "search-type");
    assertThat(practitioner.getSearchParam())
        .extracting(p -> p.getName())
        .contains("name", "identifier", "organization");
    // Referrals and the audit trail are read-only.
    for (String readOnly : List.of("ServiceRequest", "Task", "AuditEvent")) {
      assertThat(
              resources.stream()
                  .filter(r -> r.getType().equals(readOnly))
                  .findFirst()
                  .orElseThrow()
                  .getInteraction())
          .extracting(i -> i.getCode().toCode())
          .containsExactlyInAnyOrder("read", "search-type");
    }
    CapabilityStatementRestResourceComponent patient =
        resources.stream().filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
    assertThat(patient.getInteraction())
        .extracting(i -> i.getCode().toCode())
        .containsExactlyInAnyOrder("read", "search-type", "create");
    assertThat(patient.getConditionalCreate()).isTrue();
    assertThat(patient.getSearchParam())
        .extracting(p -> p.getName())
        .contains("identifier", "name", "birthdate");

    // SMART on FHIR discovery: the service, and the token endpoint the SMART configuration names.
    CapabilityStatementRestSecurityComponent security = cs.getRestFirstRep().getSecurity();
    assertThat(security.getService())
        .flatExtracting(CodeableConcept::getCoding)
        .extracting(Coding::getSystem, Coding::getCode)
        .containsExactly(
            tuple(
                "http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR"));
    Extension uris =
        security.getExtensionByUrl(
            "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
    assertThat(uris).as(json.body()).isNotNull();
    HttpResponse<String> smart =
        FhirHttp.anonymous(port).get("/.well-known/smart-configuration", "application/json");
    assertThat(smart.statusCode()).isEqualTo(200);
    String tokenEndpoint = "http://localhost:" + port + "/oauth/token";
    assertThat(smart.body()).contains("\"token_endpoint\":\"" + tokenEndpoint + "\"");
    String authorize = "http://localhost:" + port + "/oauth/authorize";
    assertThat(uris.getExtension())
        .extracting(Extension::getUrl, e -> e.getValue().primitiveValue())
        .containsExactly(tuple("token", tokenEndpoint), tuple("authorize", authorize));
    // Truthful: no app is launched here, and the authorization endpoint says so (RFC 6749 error).
    HttpResponse<String> launch =
        FhirHttp.anonymous(port)
            .get("/oauth/authorize?response_type=code&client_id=app", "application/json");
    assertThat(launch.statusCode()).isEqualTo(400);
    assertThat(launch.body())
        .contains("\"error\":\"unsupported_response_type\"")
        .contains("client_credentials");

    HttpResponse<String> xml = http.get("/fhir/metadata?_format=xml", "application/fhir+xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("<CapabilityStatement").contains("SMART-on-FHIR");
    Conformance.assertValid(xml.body());
  }

  @Test
  void patientReadInScopeIsValidAndAudited() throws Exception {
    String code = healthCode();
    long id = resident("禤秀蘅", "2", LocalDate.of(1956, 3, 14), code);
    FhirHttp http = session("villagedoctor", password);
    long before = lastAuditId();

    HttpResponse<String> response = http.get("/fhir/Patient/" + id);

    assertThat(response.statusCode()).isEqualTo(200);
    Conformance.assertValid(response.body());
    Patient patient = FHIR.newJsonParser().parseResource(Patient.class, response.body());
    assertThat(patient.getNameFirstRep().getText()).isEqualTo("禤秀蘅");
    assertThat(patient.getGender()).isEqualTo(AdministrativeGender.FEMALE);
    assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1956-03-14");
    assertThat(patient.getManagingOrganization().getReference())
        .isEqualTo("Organization/" + village);
    assertThat(
            jdbc.sql(
                    "SELECT actor_username FROM audit.audit_event WHERE id > ? AND action ="
                        + " 'FHIR_PATIENT_READ' AND object_type = 'Resident' AND object_id = ?")
                .params(before, String.valueOf(id))
                .query(String.class)
                .list())
        .singleElement()
        .satisfies(u -> assertThat(u).startsWith("fhir-villagedoctor-"));

    HttpResponse<String> xml =
        http.get("/fhir/Patient/" + id + "?_format=xml", "application/fhir+xml");
    assertThat(xml.statusCode()).isEqualTo(200);
    assertThat(xml.body()).contains("<Patient").contains("禤秀蘅");
    Conformance.assertValid(xml.body());
  }

  @Test
  void aMergedRecordIsReplacedByItsSurvivor() throws Exception {
    long survivor = resident("尉迟岚", "2", LocalDate.of(1949, 8, 30), healthCode());
    long merged = resident("鲜于翎", "1", LocalDate.of(1951, 2, 17), healthCode());
    registry.merge(survivor, merged, "FHIR 测试合并", "fhir-it");
    FhirHttp http = session("villagedoctor", password);

    HttpResponse<String> response = http.get("/fhir/Patient/" + merged);

    assertThat(response.statusCode()).isEqualTo(200);
    Conformance.assertValid(response.body());
    Patient patient = FHIR.newJsonParser().parseResource(Patient.class, response.body());
    assertThat(patient.getIdElement().getIdPart()).isEqualTo(String.valueOf(merged));
    assertThat(patient.getActive()).isFalse();
    assertThat(patient.getLinkFirstRep().getType()).isEqualTo(Patient.LinkType.REPLACEDBY);
    assertThat(patient.getLinkFirstRep().getOther().getReference())
        .isEqualTo("Patient/" + survivor);
  }

  @Test
  void outOfScopeOrUnknownPatientsAreNotFoundAndNotAudited() throws Exception {
    long id = resident("亓国翀", "1", LocalDate.of(1962, 7, 1), healthCode());
    FhirHttp other = session("villagedoctor2", password);
    long before = lastAuditId();

    HttpResponse<String> outside = other.get("/fhir/Patient/" + id);
    HttpResponse<String> unknown = other.get("/fhir/Patient/999999999");

    for (HttpResponse<String> r : List.of(outside, unknown)) {
      assertThat(r.statusCode()).isEqualTo(404);
      assertThat(r.body()).contains("OperationOutcome").doesNotContain("亓国翀");
      Conformance.assertValid(r.body());
    }
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit.audit_event WHERE id > ? AND action ="
                        + " 'FHIR_PATIENT_READ'")
                .param(before)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void accountWithoutResidentPrivilegeIsForbidden() throws Exception {
    long id = resident("厍美玥", "2", LocalDate.of(1970, 1, 5), healthCode());
    HttpResponse<String> response = session("manager", password).get("/fhir/Patient/" + id);
    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(response.body()).contains("OperationOutcome").doesNotContain("厍美玥");
    Conformance.assertValid(response.body());
  }

  @Test
  void patientSearchByIdentifierAndByNameWithBirthdate() throws Exception {
    String code = healthCode();
    long id = resident("隗志昶", "1", LocalDate.of(1958, 11, 2), code);
    FhirHttp http = session("villagedoctor", password);

    Bundle byIdentifier =
        search(http, "/fhir/Patient?identifier=" + IdentifierSystems.HEALTH_CODE + "%7C" + code);
    assertThat(ids(byIdentifier)).containsExactly(String.valueOf(id));

    Bundle byName = search(http, "/fhir/Patient?name=隗志昶&birthdate=1958-11-02");
    assertThat(ids(byName)).contains(String.valueOf(id));

    Bundle wrongDay = search(http, "/fhir/Patient?name=隗志昶&birthdate=1958-11-03");
    assertThat(ids(wrongDay)).doesNotContain(String.valueOf(id));

    Bundle outside =
        search(session("villagedoctor2", password), "/fhir/Patient?identifier=" + code);
    assertThat(outside.getEntry()).isEmpty();

    HttpResponse<String> badSystem =
        http.get("/fhir/Patient?identifier=http://example.org/unknown%7C" + code);
    assertThat(badSystem.statusCode()).isEqualTo(400);
    Conformance.assertValid(badSystem.body());
    HttpResponse<String> noCriteria = http.get("/fhir/Patient?birthdate=1958-11-02");
    assertThat(noCriteria.statusCode()).isEqualTo(400);
    Conformance.assertValid(noCriteria.body());
  }

  @Test
  void organizationsAndPractitionersOfTheScope() throws Exception {
    FhirHttp http = session("villagedoctor", password);
    HttpResponse<String> read = http.get("/fhir/Organization/" + village);
    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
    Organization organization = FHIR.newJsonParser().parseResource(Organization.class, read.body());
    assertThat(organization.getIdentifierFirstRep().getSystem())
        .isEqualTo(IdentifierSystems.LICENCE);
    assertThat(organization.getIdentifierFirstRep().getValue()).isEqualTo(village);
    assertThat(organization.getTypeFirstRep().getCodingFirstRep().getCode())
        .isEqualTo("VILLAGE_CLINIC");
    assertThat(organization.getPartOf().getReference()).isEqualTo("Organization/" + township);

    Bundle byIdentifier =
        search(
            http, "/fhir/Organization?identifier=" + IdentifierSystems.LICENCE + "%7C" + village);
    assertThat(ids(byIdentifier)).containsExactly(village);
    // The township centre is outside a village doctor's scope.
    assertThat(http.get("/fhir/Organization/" + township).statusCode()).isEqualTo(404);

    long staff = STAFF.get("villagedoctor@" + port);
    HttpResponse<String> practitioner = http.get("/fhir/Practitioner/" + staff);
    assertThat(practitioner.statusCode()).isEqualTo(200);
    Conformance.assertValid(practitioner.body());
    assertThat(
            FHIR.newJsonParser().parseResource(Practitioner.class, practitioner.body()).getActive())
        .isTrue();
  }

  /**
   * One session per role for the whole class, on accounts of this test's own (the session cap and
   * other tests' sessions of the demo accounts stay out of the way).
   */
  private FhirHttp session(String who, String ignored) throws Exception {
    String key = who + "@" + port;
    FhirHttp http = SESSIONS.get(key);
    if (http == null) {
      Role role = who.equals("manager") ? Role.CONSORTIUM_MANAGER : Role.VILLAGE_DOCTOR;
      ScopeKind scope = who.equals("manager") ? ScopeKind.WHOLE_CONSORTIUM : ScopeKind.OWN_FACILITY;
      FhirUser user =
          FhirUser.create(
              port, jdbc, accounts, "fhir-" + who, facilityOf(who), "接口测试" + who, role, scope);
      http = user.http();
      SESSIONS.put(key, http);
      STAFF.put(key, user.staff());
    }
    return http;
  }

  private Bundle search(FhirHttp http, String path) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  private long resident(String name, String sex, LocalDate birth, String healthCode) {
    return registry
        .register(
            new RegistrationRequest(
                name,
                sex,
                birth,
                "01",
                null,
                "紫金县测试村1号",
                "441621",
                "测试村",
                "PERMANENT",
                village,
                township,
                null,
                village,
                List.of(IdentifierValue.of(IdentifierType.HEALTH_CODE, healthCode))))
        .residentId();
  }

  private static String healthCode() {
    return "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toUpperCase();
  }

  private String facilityOf(String username) {
    return jdbc.sql("SELECT facility_code FROM security.account WHERE username = ?")
        .param(username)
        .query(String.class)
        .single();
  }

  private long lastAuditId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit.audit_event")
        .query(Long.class)
        .single();
  }
}
