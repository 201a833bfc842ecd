package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * System clients end to end over HTTP: an administrator registers a HIS on the page (the secret is
 * shown once), the HIS gets a token at /oauth/token and calls /fhir with it, within its facility's
 * scope, without CSRF, audited; a revoked client's token stops working.
 */
@IntegrationTest
class FhirSystemClientIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final Pattern ID = Pattern.compile("id=\"client-id\">([^<]+)<");
  private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");
  private static FhirHttp admin;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired ResidentRegistry registry;

  private final HttpClient client = HttpClient.newHttpClient();
  private String village;
  private String township;

  @BeforeEach
  void setUp() throws Exception {
    DemoClinic clinic = DemoClinic.of(jdbc);
    village = clinic.village();
    township = clinic.township();
    if (admin == null) {
      admin =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "fhir-admin",
                  township,
                  "接口管理员",
                  Role.SYSTEM_ADMIN,
                  ScopeKind.WHOLE_CONSORTIUM)
              .http();
    }
  }

  @Test
  void aRegisteredClientReadsWithinItsFacilityAndIsAudited() throws Exception {
    String[] credentials = register(village, "RESIDENT_VIEW");
    long inScope = resident("宓晓岚", village);
    long outOfScope = resident("阚志远", otherVillage());
    String token = token(credentials[0], credentials[1]);
    long before = lastAuditId();

    HttpResponse<String> read = bearer("GET", "/fhir/Patient/" + inScope, token, null);
    HttpResponse<String> outside = bearer("GET", "/fhir/Patient/" + outOfScope, token, null);

    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    Conformance.assertValid(read.body());
    assertThat(outside.statusCode()).isEqualTo(404);
    Conformance.assertValid(outside.body());
    assertThat(
            jdbc.sql(
                    "SELECT action FROM audit.audit_event WHERE id > ? AND actor_username = ?"
                        + " ORDER BY id")
                .params(before, "client:" + credentials[0])
                .query(String.class)
                .list())
        .containsExactly("FHIR_PATIENT_READ", "FHIR_CLIENT_CALL", "FHIR_CLIENT_CALL");
  }

  @Test
  void theSecretAndTokensAreStoredOnlyAsHashes() throws Exception {
    String[] credentials = register(village, "RESIDENT_VIEW");
    String token = token(credentials[0], credentials[1]);
    String hash =
        jdbc.sql("SELECT secret_hash FROM security.system_client WHERE client_id = ?")
            .param(credentials[0])
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain(credentials[1]);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM security.system_token t JOIN security.system_client c"
                        + " ON c.id = t.client WHERE c.client_id = ? AND t.token_hash = ?")
                .params(credentials[0], token)
                .query(Long.class)
                .single())
        .isZero();
    assertThat(admin.get("/system-clients", "text/html").body()).doesNotContain(credentials[1]);
  }

  @Test
  void aBearerTransactionNeedsNoCsrfToken() throws Exception {
    String[] credentials = register(village, "RESIDENT_VIEW", "RESIDENT_EDIT");
    Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
    Basic basic = new Basic();
    basic.setCode(new CodeableConcept(new Coding("https://example.org/codes", "HIS", null)));
    bundle
        .addEntry()
        .setResource(basic)
        .getRequest()
        .setMethod(Bundle.HTTPVerb.POST)
        .setUrl("Basic");

    String token = token(credentials[0], credentials[1]);
    HttpResponse<String> response =
        bearer("POST", "/fhir", token, FHIR.newJsonParser().encodeResourceToString(bundle));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    // Many calls with one token: no session is made, so no session cap applies.
    for (int i = 0; i < 4; i++) {
      HttpResponse<String> again = bearer("GET", "/fhir/metadata", token, null);
      assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
      assertThat(again.headers().firstValue("Set-Cookie")).isEmpty();
    }
  }

  @Test
  void wrongSecretsRevokedClientsAndOtherPathsAreRefused() throws Exception {
    String[] credentials = register(village, "RESIDENT_VIEW");
    String token = token(credentials[0], credentials[1]);

    HttpResponse<String> wrong = tokenResponse(credentials[0], credentials[1] + "x");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("\"error\":\"invalid_client\"");
    assertThat(bearer("GET", "/residents", token, null).statusCode()).isEqualTo(401);
    assertThat(bearer("GET", "/fhir/metadata", "not-a-token", null).statusCode()).isEqualTo(401);

    long id =
        jdbc.sql("SELECT id FROM security.system_client WHERE client_id = ?")
            .param(credentials[0])
            .query(Long.class)
            .single();
    HttpResponse<String> revoke =
        admin.post("/system-clients/" + id + "/revoke", "application/x-www-form-urlencoded", "");
    assertThat(revoke.statusCode()).isEqualTo(302);

    HttpResponse<String> after = bearer("GET", "/fhir/metadata", token, null);
    assertThat(after.statusCode()).isEqualTo(401);
    Conformance.assertValid(after.body());
    assertThat(tokenResponse(credentials[0], credentials[1]).statusCode()).isEqualTo(401);
  }

  @Test
  void aBadRegistrationIsRefusedBesideTheFieldAndStoresNothing() throws Exception {
    long before =
        jdbc.sql("SELECT COUNT(*) FROM security.system_client").query(Long.class).single();
    HttpResponse<String> response =
        admin.post(
            "/system-clients",
            "application/x-www-form-urlencoded",
            "name=HIS&facilityCode=" + village);
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("请至少授予一项接口权限");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM security.system_client").query(Long.class).single())
        .isEqualTo(before);
  }

  private String[] register(String facility, String... privileges) throws Exception {
    StringBuilder form = new StringBuilder("name=" + enc("测试 HIS " + UUID.randomUUID()));
    form.append("&facilityCode=").append(enc(facility));
    for (String p : privileges) {
      form.append("&privileges=").append(p);
    }
    HttpResponse<String> page =
        admin.post("/system-clients", "application/x-www-form-urlencoded", form.toString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    Matcher id = ID.matcher(page.body());
    Matcher secret = SECRET.matcher(page.body());
    assertThat(id.find() && secret.find()).isTrue();
    return new String[] {id.group(1), secret.group(1)};
  }

  private String token(String clientId, String secret) throws Exception {
    HttpResponse<String> response = tokenResponse(clientId, secret);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(response.body())
        .contains("\"token_type\":\"Bearer\"")
        .contains("\"expires_in\":300");
    Matcher m = TOKEN.matcher(response.body());
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> tokenResponse(String clientId, String secret) throws Exception {
    String form =
        "grant_type=client_credentials&client_id="
            + enc(clientId)
            + "&client_secret="
            + enc(secret);
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> bearer(String method, String path, String token, String body)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/fhir+json");
    if (body != null) {
      request.header("Content-Type", "application/fhir+json");
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String otherVillage() {
    return jdbc.sql(
            "SELECT f.licence_code FROM organization.facility f JOIN organization.facility p ON"
                + " p.licence_code = f.parent_code WHERE f.licence_code LIKE 'ZJ%' AND"
                + " p.parent_code IS NOT NULL AND f.parent_code <> ? ORDER BY f.licence_code"
                + " LIMIT 1")
        .param(township)
        .query(String.class)
        .single();
  }

  private long resident(String name, String facility) {
    String healthCode = "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    String parent =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(facility)
            .query(String.class)
            .single();
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
                facility,
                parent,
                null,
                facility,
                List.of(IdentifierValue.of(IdentifierType.HEALTH_CODE, healthCode.toUpperCase()))))
        .residentId();
  }

  private long lastAuditId() {
    return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM audit.audit_event")
        .query(Long.class)
        .single();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
