package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleType;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code POST /fhir} with transaction and batch bundles over HTTP. The entries are {@code Basic}
 * resources written by a test writer (src/test), so the bundle machinery is tested on its own;
 * every answer goes through the R4 validator.
 */
@IntegrationTest
class FhirTransactionIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static FhirHttp http;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @BeforeEach
  void setUp() throws Exception {
    if (http == null) {
      String facility =
          jdbc.sql(
                  "SELECT licence_code FROM organization.facility WHERE licence_code LIKE 'ZJ%'"
                      + " ORDER BY licence_code LIMIT 1")
              .query(String.class)
              .single();
      http =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "fhir-tx",
                  facility,
                  "事务测试",
                  Role.VILLAGE_DOCTOR,
                  ScopeKind.OWN_FACILITY)
              .http();
    }
  }

  @Test
  void aTransactionWithOneBadEntryStoresNothingAtAll() throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    add(bundle, basic("good-1", "A"), null);
    add(bundle, basic("good-2", "B"), null);
    add(bundle, basic("bad", null), null);
    long before = rows();

    HttpResponse<String> response = post(bundle);

    assertThat(response.statusCode()).isEqualTo(422);
    Conformance.assertValid(response.body());
    OperationOutcome outcome = parse(OperationOutcome.class, response.body());
    assertThat(outcome.getIssueFirstRep().getExpression())
        .extracting(e -> e.getValue())
        .containsExactly("Bundle.entry[2]", "Basic.code");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void urnUuidReferencesAreCreatedFirstAndReplaced() throws Exception {
    String subjectUrl = "urn:uuid:" + UUID.randomUUID();
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    // The referring entry comes first: the server must create the referenced one before it.
    add(bundle, basic(unique(), "CHILD").setSubject(new Reference(subjectUrl)), null);
    add(bundle, basic(unique(), "PARENT"), null).setFullUrl(subjectUrl);

    HttpResponse<String> response = post(bundle);

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    Bundle answer = parse(Bundle.class, response.body());
    assertThat(answer.getType()).isEqualTo(BundleType.TRANSACTIONRESPONSE);
    assertThat(answer.getEntry())
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isEqualTo("201 Created"));
    String child = answer.getEntry().get(0).getResponse().getLocation();
    String parent = answer.getEntry().get(1).getResponse().getLocation();
    assertThat(subjectOf(child)).isEqualTo(parent);
    assertThat(idOf(parent)).isLessThan(idOf(child));
  }

  @Test
  void aConditionalCreateSentTwiceCreatesOnce() throws Exception {
    String identifier = unique();
    long before = rows();
    Bundle first = new Bundle().setType(BundleType.TRANSACTION);
    add(first, basic(identifier, "A"), "identifier=https://example.org/basic|" + identifier);

    Bundle firstAnswer = parse(Bundle.class, post(first).body());
    HttpResponse<String> second = post(first);

    assertThat(second.statusCode()).isEqualTo(200);
    Conformance.assertValid(second.body());
    Bundle secondAnswer = parse(Bundle.class, second.body());
    assertThat(firstAnswer.getEntryFirstRep().getResponse().getStatus()).isEqualTo("201 Created");
    assertThat(secondAnswer.getEntryFirstRep().getResponse().getStatus()).isEqualTo("200 OK");
    assertThat(secondAnswer.getEntryFirstRep().getResponse().getLocation())
        .isEqualTo(firstAnswer.getEntryFirstRep().getResponse().getLocation());
    assertThat(rows()).isEqualTo(before + 1);
  }

  @Test
  void unsupportedTypesAndMethodsRejectTheWholeBundleNamingThem() throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    add(bundle, basic(unique(), "A"), null);
    add(
        bundle,
        new org.hl7.fhir.r4.model.Medication().setCode(new CodeableConcept().setText("硝苯地平")),
        null);
    add(bundle, basic(unique(), "B"), null).getRequest().setMethod(HTTPVerb.PUT);
    long before = rows();

    HttpResponse<String> response = post(bundle);

    assertThat(response.statusCode()).isEqualTo(422);
    Conformance.assertValid(response.body());
    OperationOutcome outcome = parse(OperationOutcome.class, response.body());
    assertThat(outcome.getIssue()).hasSize(2);
    assertThat(outcome.getIssue().get(0).getDiagnostics()).contains("Medication");
    assertThat(outcome.getIssue().get(0).getExpression().get(0).getValue())
        .isEqualTo("Bundle.entry[1].resource");
    assertThat(outcome.getIssue().get(1).getDiagnostics()).contains("PUT");
    assertThat(outcome.getIssue().get(1).getExpression().get(0).getValue())
        .isEqualTo("Bundle.entry[2].request.method");
    assertThat(rows()).isEqualTo(before);
  }

  @Test
  void aBatchProcessesEachEntryOnItsOwn() throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.BATCH);
    add(bundle, basic(unique(), "A"), null);
    add(bundle, basic(unique(), null), null);
    add(bundle, basic(unique(), "C"), null);
    long before = rows();

    HttpResponse<String> response = post(bundle);

    assertThat(response.statusCode()).isEqualTo(200);
    Conformance.assertValid(response.body());
    Bundle answer = parse(Bundle.class, response.body());
    assertThat(answer.getType()).isEqualTo(BundleType.BATCHRESPONSE);
    assertThat(answer.getEntry())
        .extracting(e -> e.getResponse().getStatus())
        .containsExactly("201 Created", "422 Unprocessable Content", "201 Created");
    OperationOutcome refused =
        (OperationOutcome) answer.getEntry().get(1).getResponse().getOutcome();
    assertThat(refused.getIssueFirstRep().getExpression().get(0).getValue())
        .isEqualTo("Bundle.entry[1]");
    assertThat(rows()).isEqualTo(before + 2);
  }

  @Test
  void aReferenceToNoEntryOfTheBundleIsRefused() throws Exception {
    Bundle bundle = new Bundle().setType(BundleType.TRANSACTION);
    add(
        bundle,
        basic(unique(), "A").setSubject(new Reference("urn:uuid:" + UUID.randomUUID())),
        null);
    long before = rows();

    HttpResponse<String> response = post(bundle);

    assertThat(response.statusCode()).isEqualTo(400);
    Conformance.assertValid(response.body());
    assertThat(
            parse(OperationOutcome.class, response.body())
                .getIssueFirstRep()
                .getExpression()
                .get(0)
                .getValue())
        .isEqualTo("Bundle.entry[0].resource");
    assertThat(rows()).isEqualTo(before);
  }

  private static Basic basic(String identifier, String code) {
    Basic basic = new Basic();
    basic.addIdentifier().setSystem("https://example.org/basic").setValue(identifier);
    if (code != null) {
      basic.setCode(new CodeableConcept(new Coding("https://example.org/codes", code, null)));
    }
    return basic;
  }

  private static Bundle.BundleEntryComponent add(
      Bundle bundle, Resource resource, String ifNoneExist) {
    Bundle.BundleEntryComponent entry = bundle.addEntry().setResource(resource);
    entry.getRequest().setMethod(HTTPVerb.POST).setUrl(resource.fhirType());
    if (ifNoneExist != null) {
      entry.getRequest().setIfNoneExist(ifNoneExist);
    }
    return entry;
  }

  private HttpResponse<String> post(Bundle bundle) throws Exception {
    return http.post(
        "/fhir", "application/fhir+json", FHIR.newJsonParser().encodeResourceToString(bundle));
  }

  private static <T extends org.hl7.fhir.instance.model.api.IBaseResource> T parse(
      Class<T> type, String body) {
    return FHIR.newJsonParser().parseResource(type, body);
  }

  private long rows() {
    return jdbc.sql("SELECT COUNT(*) FROM fhir.test_basic").query(Long.class).single();
  }

  private String subjectOf(String location) {
    return jdbc.sql("SELECT subject FROM fhir.test_basic WHERE id = ?")
        .param(idOf(location))
        .query(String.class)
        .single();
  }

  private static long idOf(String location) {
    return Long.parseLong(location.substring(location.indexOf('/') + 1));
  }

  private static String unique() {
    return UUID.randomUUID().toString();
  }
}
