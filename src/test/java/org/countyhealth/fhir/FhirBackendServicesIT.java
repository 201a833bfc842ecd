package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.ClientKeys;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * SMART Backend Services end to end over HTTP: the HIS makes an RS384 key pair, the administrator
 * registers its public JWK set on the page, the HIS discovers the token endpoint, signs a client
 * assertion, gets a token for {@code system/Patient.read} and reads /fhir/Patient with it, in the
 * stateless bearer chain (no session, no cookie), audited. Replays, wrong audiences, private keys
 * pasted as public and bad tokens are refused.
 */
@IntegrationTest
class FhirBackendServicesIT {

  private static final Pattern ID = Pattern.compile("id=\"client-id\">([^<]+)<");
  private static FhirHttp admin;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired ResidentRegistry registry;
  @Autowired AuditProbe audit;
  @Autowired Clock clock;

  private final HttpClient http = HttpClient.newHttpClient();
  private final ClientKeys keys = ClientKeys.rsa("his-key-" + UUID.randomUUID());
  private String village;
  private String tokenUrl;
  private SmartBackend smart;
  private String healthCode;

  @BeforeEach
  void setUp() throws Exception {
    village =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    smart = new SmartBackend(port, clock);
    tokenUrl = smart.tokenUrl();
    if (admin == null) {
      String township =
          jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
              .param(village)
              .query(String.class)
              .single();
      admin =
          FhirUser.create(
                  port,
                  jdbc,
                  accounts,
                  "smart-admin",
                  township,
                  "接口管理员",
                  Role.SYSTEM_ADMIN,
                  ScopeKind.WHOLE_CONSORTIUM)
              .http();
    }
  }

  @Test
  void aKeyRegisteredClientGetsATokenWithASignedAssertionAndReadsPatientsStatelessly()
      throws Exception {
    // Discovery, unauthenticated, at the root and (as SMART clients look) under the FHIR base.
    for (String path :
        List.of("/.well-known/smart-configuration", "/fhir/.well-known/smart-configuration")) {
      HttpResponse<String> discovery =
          http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Accept", "application/json")
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(discovery.statusCode()).as(path).isEqualTo(200);
      assertThat(discovery.body())
          .contains("\"token_endpoint\":\"" + tokenUrl + "\"")
          .contains("\"private_key_jwt\"")
          .contains("\"client_secret_basic\"")
          .contains("\"RS384\"")
          .contains("\"client_credentials\"")
          .contains("system/Patient.read");
    }

    String clientId = register(ClientKeys.jwks(keys), "RESIDENT_VIEW", "FACILITY_VIEW");
    assertThat(
            jdbc.sql("SELECT secret_hash FROM security.system_client WHERE client_id = ?")
                .param(clientId)
                .query(String.class)
                .optional())
        .as("a key-only client has no secret")
        .isEmpty();
    long resident = resident(village);
    long mark = audit.mark();

    HttpResponse<String> tokenResponse =
        token(assertion(clientId, tokenUrl, "jti-" + UUID.randomUUID()), "system/Patient.read");
    assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
    assertThat(tokenResponse.body())
        .contains("\"token_type\":\"Bearer\"")
        .contains("\"expires_in\":300")
        .contains("\"scope\":\"system/Patient.read\"");
    assertThat(tokenResponse.headers().firstValue("Cache-Control")).hasValue("no-store");
    String token = accessToken(tokenResponse);

    HttpResponse<String> read = bearer("/fhir/Patient/" + resident, token);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    Conformance.assertValid(read.body());
    assertThat(read.headers().firstValue("Set-Cookie")).isEmpty();
    HttpResponse<String> search =
        bearer(
            "/fhir/Patient?identifier="
                + enc("https://fhir.countyhealth.org/sid/health-code|" + healthCode),
            token);
    assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
    assertThat(search.body()).contains("\"id\":\"" + resident + "\"");
    assertThat(search.headers().firstValue("Set-Cookie")).isEmpty();

    // The token carries the requested scope only: the client's FACILITY_VIEW is not in it.
    HttpResponse<String> organizations = bearer("/fhir/Organization/" + village, token);
    assertThat(organizations.statusCode()).as(organizations.body()).isEqualTo(403);

    List<Event> events = audit.since(mark);
    assertThat(events)
        .contains(
            new Event(
                "SYSTEM_TOKEN_ISSUE", "SystemClient", "client:" + clientId, AuditResult.SUCCESS))
        .contains(
            new Event(
                "FHIR_PATIENT_READ", "Resident", Long.toString(resident), AuditResult.SUCCESS))
        .contains(
            new Event(
                "FHIR_CLIENT_CALL", "SystemClient", "client:" + clientId, AuditResult.SUCCESS));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit.audit_event WHERE id > ? AND actor_username = ?"
                        + " AND action = 'FHIR_PATIENT_READ'")
                .params(mark, "client:" + clientId)
                .query(Long.class)
                .single())
        .isEqualTo(2);
  }

  @Test
  void replayedOrMisaddressedAssertionsAndSecretsForKeyOnlyClientsAreRefusedAndAudited()
      throws Exception {
    String clientId = register(ClientKeys.jwks(keys), "RESIDENT_VIEW");
    String jwt = assertion(clientId, tokenUrl, "once-" + UUID.randomUUID());
    assertThat(token(jwt, "system/*.read").statusCode()).isEqualTo(200);
    long mark = audit.mark();

    HttpResponse<String> replay = token(jwt, "system/*.read");
    assertThat(replay.statusCode()).isEqualTo(401);
    assertThat(replay.body()).contains("\"error\":\"invalid_client\"").contains("jti 已使用过");
    HttpResponse<String> wrongAudience =
        token(
            assertion(clientId, "https://other.example/token", "j-" + UUID.randomUUID()),
            "system/*.read");
    assertThat(wrongAudience.statusCode()).isEqualTo(401);
    assertThat(wrongAudience.body()).contains("aud 须为本平台的令牌端点地址");
    HttpResponse<String> otherKey =
        token(
            ClientKeys.rsa(keys.kid()).sign(claims(clientId, tokenUrl, "j-" + UUID.randomUUID())),
            "system/*.read");
    assertThat(otherKey.body()).contains("签名验证失败");
    HttpResponse<String> badScope =
        token(assertion(clientId, tokenUrl, "j-" + UUID.randomUUID()), "system/Organization.read");
    assertThat(badScope.statusCode()).isEqualTo(400);
    assertThat(badScope.body()).contains("\"error\":\"invalid_scope\"");
    HttpResponse<String> secret =
        post("grant_type=client_credentials&client_id=" + clientId + "&client_secret=guess");
    assertThat(secret.statusCode()).isEqualTo(401);
    assertThat(secret.body()).contains("\"error\":\"invalid_client\"");

    assertThat(audit.since(mark))
        .filteredOn(e -> e.action().equals("SYSTEM_TOKEN_ISSUE"))
        .extracting(Event::result)
        .containsExactly(
            AuditResult.REFUSED,
            AuditResult.REFUSED,
            AuditResult.REFUSED,
            AuditResult.REFUSED,
            AuditResult.REFUSED);
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM security.system_token t JOIN security.system_client c"
                        + " ON c.id = t.client WHERE c.client_id = ?")
                .param(clientId)
                .query(Long.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void rotatedKeysReplaceTheOldOnesAndABadSetIsRefusedBesideTheField() throws Exception {
    String clientId = register(ClientKeys.jwks(keys), "RESIDENT_VIEW");
    long id =
        jdbc.sql("SELECT id FROM security.system_client WHERE client_id = ?")
            .param(clientId)
            .query(Long.class)
            .single();
    ClientKeys next = ClientKeys.ec("his-next-" + UUID.randomUUID());

    HttpResponse<String> bad =
        admin.post(
            "/system-clients/" + id + "/keys",
            "application/x-www-form-urlencoded",
            "jwks=" + enc("{\"keys\":[]}"));
    assertThat(bad.statusCode()).isEqualTo(422);
    assertThat(bad.body()).contains("id=\"keys-" + id + "-error\"").contains("至少包含一个公钥");
    HttpResponse<String> rotated =
        admin.post(
            "/system-clients/" + id + "/keys",
            "application/x-www-form-urlencoded",
            "jwks=" + enc(ClientKeys.jwks(next)));
    assertThat(rotated.statusCode()).isEqualTo(302);

    HttpResponse<String> old =
        token(assertion(clientId, tokenUrl, "j-" + UUID.randomUUID()), "system/Patient.read");
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(old.body()).contains("kid 不在该客户端登记的公钥中");
    HttpResponse<String> fresh =
        token(next.sign(claims(clientId, tokenUrl, "j-" + UUID.randomUUID())), "system/Patient.rs");
    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    assertThat(fresh.body()).contains("\"scope\":\"system/Patient.rs\"");
  }

  @Test
  void aBadBearerTokenIsA401WithABearerChallengeAndNoSession() throws Exception {
    long mark = audit.mark();
    HttpResponse<String> response = bearer("/fhir/Patient?name=x", "not-a-token");
    assertThat(response.statusCode()).isEqualTo(401);
    assertThat(response.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    assertThat(response.headers().firstValue("Set-Cookie")).isEmpty();
    Conformance.assertValid(response.body());
    HttpResponse<String> api = bearer("/api/v1/fhir-imports", "not-a-token");
    assertThat(api.statusCode()).isEqualTo(401);
    assertThat(api.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    assertThat(audit.since(mark)).extracting(Event::action).contains("FHIR_CLIENT_TOKEN_REJECTED");
  }

  @Test
  void aPastedPrivateKeyIsRefusedBesideTheFieldAndNothingIsStored() throws Exception {
    long before =
        jdbc.sql("SELECT COUNT(*) FROM security.system_client").query(Long.class).single();
    String withPrivate = ClientKeys.jwks(keys).replace("\"kty\"", "\"d\":\"AQAB\",\"kty\"");
    HttpResponse<String> page =
        admin.post(
            "/system-clients",
            "application/x-www-form-urlencoded",
            "name=HIS&facilityCode="
                + village
                + "&privileges=RESIDENT_VIEW&jwks="
                + enc(withPrivate));
    assertThat(page.statusCode()).isEqualTo(422);
    assertThat(page.body()).contains("id=\"jwks-error\"").contains("含有私钥成员（d），请只粘贴公钥");
    assertThat(jdbc.sql("SELECT COUNT(*) FROM security.system_client").query(Long.class).single())
        .isEqualTo(before);
  }

  private String register(String jwks, String... privileges) throws Exception {
    StringBuilder form = new StringBuilder("name=" + enc("SMART HIS " + UUID.randomUUID()));
    form.append("&facilityCode=").append(enc(village)).append("&jwks=").append(enc(jwks));
    for (String p : privileges) {
      form.append("&privileges=").append(p);
    }
    HttpResponse<String> page =
        admin.post("/system-clients", "application/x-www-form-urlencoded", form.toString());
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains(keys.kid()).doesNotContain("id=\"client-secret\"");
    Matcher id = ID.matcher(page.body());
    assertThat(id.find()).isTrue();
    return id.group(1);
  }

  private Map<String, Object> claims(String clientId, String audience, String jti) {
    return smart.claims(clientId, audience, jti);
  }

  private String assertion(String clientId, String audience, String jti) {
    return keys.sign(claims(clientId, audience, jti));
  }

  private HttpResponse<String> token(String assertion, String scope) throws Exception {
    return smart.token(assertion, scope);
  }

  private HttpResponse<String> post(String form) throws Exception {
    return smart.post(form);
  }

  private static String accessToken(HttpResponse<String> response) {
    return SmartBackend.accessToken(response);
  }

  private HttpResponse<String> bearer(String path, String token) throws Exception {
    return smart.bearer(path, token);
  }

  private long resident(String facility) {
    healthCode =
        ("HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)).toUpperCase();
    String parent =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(facility)
            .query(String.class)
            .single();
    return registry
        .register(
            new RegistrationRequest(
                "仲秋实",
                "1",
                LocalDate.of(1958, 3, 2),
                "01",
                null,
                "紫金县测试村8号",
                "441621",
                "测试村",
                "PERMANENT",
                facility,
                parent,
                null,
                facility,
                List.of(IdentifierValue.of(IdentifierType.HEALTH_CODE, healthCode))))
        .residentId();
  }

  private static String enc(String s) {
    return SmartBackend.enc(s);
  }
}
