package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.ClientKeys;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The system clients' JSON API as a deployment script uses it, over real HTTP with a signed-in
 * administrator's session (CSRF token): register a client with its RS384 JWK set, get a token with
 * a signed assertion, rotate the keys (the old key is refused at once), revoke (its token stops
 * working); bad input is a 422 problem naming the field, nothing stored; a non-administrator 403.
 */
@IntegrationTest
class SystemClientsApiIT {

  private static final String API = "/api/v1/system-clients";
  private static final JsonMapper JSON = JsonMapper.shared();
  private static FhirHttp admin;

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired AuditProbe audit;
  @Autowired Clock clock;

  private final ClientKeys keys = ClientKeys.rsa("api-key-" + UUID.randomUUID());
  private SmartBackend smart;
  private DemoClinic clinic;

  @BeforeEach
  void setUp() throws Exception {
    smart = new SmartBackend(port, clock);
    clinic = DemoClinic.of(jdbc);
    if (admin == null) {
      admin =
          user(
              "clients-api-admin",
              clinic.township(),
              Role.SYSTEM_ADMIN,
              ScopeKind.WHOLE_CONSORTIUM);
    }
  }

  @Test
  void registersRotatesAndRevokesAClientWhoseTokensFollowAtOnce() throws Exception {
    long mark = audit.mark();
    String name = "API HIS " + UUID.randomUUID();
    HttpResponse<String> created =
        admin.json(
            "POST",
            API,
            "{\"name\":\""
                + name
                + "\",\"facilityCode\":\""
                + clinic.village()
                + "\",\"privileges\":[\"RESIDENT_VIEW\"],\"jwks\":"
                + ClientKeys.jwks(keys)
                + "}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Cache-Control")).hasValue("no-store");
    JsonNode registered = JSON.readTree(created.body());
    long id = registered.get("id").asLong();
    String clientId = registered.get("clientId").asString();
    assertThat(created.headers().firstValue("Location")).hasValue(API + "/" + id);
    assertThat(clientId).startsWith("his-");
    assertThat(registered.has("secret")).as("a key-only client has no secret").isFalse();
    assertThat(registered.get("keyIds").get(0).asString()).isEqualTo(keys.kid());

    HttpResponse<String> list = admin.json("GET", API, null);
    assertThat(list.statusCode()).isEqualTo(200);
    JsonNode row = row(list, clientId);
    assertThat(row.get("name").asString()).isEqualTo(name);
    assertThat(row.get("facilityCode").asString()).isEqualTo(clinic.village());
    assertThat(row.get("privileges").toString()).isEqualTo("[\"RESIDENT_VIEW\"]");
    assertThat(row.get("authentication").toString()).isEqualTo("[\"private_key_jwt\"]");
    assertThat(row.get("revoked").asBoolean()).isFalse();
    assertThat(list.body())
        .doesNotContain("\"secret\"")
        .doesNotContain("secretHash")
        .doesNotContain("{bcrypt}");

    HttpResponse<String> first =
        smart.token(smart.assertion(keys, clientId), "system/Patient.read");
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(search(SmartBackend.accessToken(first)).statusCode()).isEqualTo(200);

    // Rotation: the set sent as a string, as pasted on the page.
    ClientKeys next = ClientKeys.ec("api-next-" + UUID.randomUUID());
    HttpResponse<String> rotated =
        admin.json(
            "PUT",
            API + "/" + id + "/keys",
            "{\"jwks\":" + JSON.writeValueAsString(ClientKeys.jwks(next)) + "}");
    assertThat(rotated.statusCode()).as(rotated.body()).isEqualTo(200);
    assertThat(JSON.readTree(rotated.body()).get("keyIds").toString())
        .isEqualTo("[\"" + next.kid() + "\"]");
    HttpResponse<String> old = smart.token(smart.assertion(keys, clientId), "system/Patient.read");
    assertThat(old.statusCode()).isEqualTo(401);
    assertThat(old.body()).contains("kid 不在该客户端登记的公钥中");
    HttpResponse<String> fresh =
        smart.token(smart.assertion(next, clientId), "system/Patient.read");
    assertThat(fresh.statusCode()).as(fresh.body()).isEqualTo(200);
    String token = SmartBackend.accessToken(fresh);
    assertThat(search(token).statusCode()).isEqualTo(200);

    HttpResponse<String> revoked = admin.json("POST", API + "/" + id + "/revoke", null);
    assertThat(revoked.statusCode()).isEqualTo(204);
    assertThat(search(token).statusCode()).as("revoked: the token stops at once").isEqualTo(401);
    assertThat(smart.token(smart.assertion(next, clientId), "system/Patient.read").statusCode())
        .isEqualTo(401);
    assertThat(row(admin.json("GET", API, null), clientId).get("revoked").asBoolean()).isTrue();

    assertThat(audit.since(mark))
        .contains(
            new Event("SYSTEM_CLIENT_REGISTER", "SystemClient", clientId, AuditResult.SUCCESS),
            new Event(
                "SYSTEM_CLIENT_KEYS_REPLACE",
                "SystemClient",
                Long.toString(id),
                AuditResult.SUCCESS),
            new Event(
                "SYSTEM_CLIENT_REVOKE", "SystemClient", Long.toString(id), AuditResult.SUCCESS));
  }

  @Test
  void badInputIsA422NamingTheFieldAndNothingIsStored() throws Exception {
    long before = clients();
    String withPrivate = ClientKeys.jwks(keys).replace("\"kty\"", "\"d\":\"AQAB\",\"kty\"");

    JsonNode privateKey =
        refused(body("HIS", clinic.village(), "[\"RESIDENT_VIEW\"]", withPrivate));
    assertThat(privateKey.get("code").asString()).isEqualTo("CLIENT_JWKS_INVALID");
    assertThat(privateKey.get("field").asString()).isEqualTo("jwks");
    assertThat(privateKey.get("detail").asString()).contains("含有私钥成员（d），请只粘贴公钥");

    JsonNode unknown = refused(body("HIS", "NO-SUCH-FACILITY", "[\"RESIDENT_VIEW\"]", null));
    assertThat(unknown.get("code").asString()).isEqualTo("CLIENT_FACILITY_UNKNOWN");
    assertThat(unknown.get("field").asString()).isEqualTo("facilityCode");

    JsonNode none = refused(body("HIS", clinic.village(), "[]", ClientKeys.jwks(keys)));
    assertThat(none.get("code").asString()).isEqualTo("CLIENT_PRIVILEGES_MISSING");
    assertThat(none.get("field").asString()).isEqualTo("privileges");
    assertThat(none.get("detail").asString()).isEqualTo("请至少授予一项接口权限");

    JsonNode notGrantable = refused(body("HIS", clinic.village(), "[\"ACCOUNT_MANAGE\"]", null));
    assertThat(notGrantable.get("code").asString()).isEqualTo("CLIENT_PRIVILEGE_NOT_GRANTABLE");

    // Every empty field at once, each named.
    JsonNode empty = refused("{}");
    assertThat(empty.get("code").asString()).isEqualTo("CLIENT_NAME_INVALID");
    assertThat(empty.get("field").asString()).isEqualTo("name");
    assertThat(empty.get("field.name").asString()).isEqualTo("请填写系统名称（1–100 个字）");
    assertThat(empty.get("field.facilityCode").asString()).isEqualTo("请选择所属机构");
    assertThat(empty.get("field.privileges").asString()).isEqualTo("请至少授予一项接口权限");

    HttpResponse<String> unknownClient =
        admin.json("PUT", API + "/999999999/keys", "{\"jwks\":" + ClientKeys.jwks(keys) + "}");
    assertThat(unknownClient.statusCode()).isEqualTo(404);
    assertThat(unknownClient.body()).contains("CLIENT_NOT_FOUND");

    assertThat(clients()).isEqualTo(before);
  }

  @Test
  void aFacilityOutsideTheScopeIsUnknownAndANonAdministratorIsRefused() throws Exception {
    long before = clients();
    FhirHttp villageAdmin =
        user("clients-api-village", clinic.village(), Role.SYSTEM_ADMIN, ScopeKind.OWN_FACILITY);
    HttpResponse<String> outside =
        villageAdmin.json("POST", API, body("HIS", clinic.township(), "[\"RESIDENT_VIEW\"]", null));
    assertThat(outside.statusCode()).isEqualTo(422);
    assertThat(JSON.readTree(outside.body()).get("code").asString())
        .isEqualTo("CLIENT_FACILITY_UNKNOWN");

    FhirHttp doctor =
        user("clients-api-doctor", clinic.village(), Role.FAMILY_DOCTOR, ScopeKind.OWN_FACILITY);
    HttpResponse<String> list = doctor.json("GET", API, null);
    assertThat(list.statusCode()).isEqualTo(403);
    assertThat(list.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    assertThat(JSON.readTree(list.body()).get("code").asString()).isEqualTo("ACCESS_DENIED");
    HttpResponse<String> register =
        doctor.json("POST", API, body("HIS", clinic.village(), "[\"RESIDENT_VIEW\"]", null));
    assertThat(register.statusCode()).isEqualTo(403);
    assertThat(clients()).isEqualTo(before);
  }

  private FhirHttp user(String prefix, String facility, Role role, ScopeKind scope)
      throws Exception {
    return FhirUser.create(port, jdbc, accounts, prefix, facility, "接口管理员", role, scope).http();
  }

  private JsonNode refused(String body) throws Exception {
    HttpResponse<String> response = admin.json("POST", API, body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
    return JSON.readTree(response.body());
  }

  private static String body(String name, String facility, String privileges, String jwks) {
    return "{\"name\":\""
        + name
        + "\",\"facilityCode\":\""
        + facility
        + "\",\"privileges\":"
        + privileges
        + ",\"jwks\":"
        + jwks
        + "}";
  }

  private HttpResponse<String> search(String token) throws Exception {
    return smart.bearer(
        "/fhir/Patient?identifier="
            + SmartBackend.enc("https://fhir.countyhealth.org/sid/health-code|HCNONE"),
        token);
  }

  private static JsonNode row(HttpResponse<String> list, String clientId) {
    for (JsonNode node : JSON.readTree(list.body())) {
      if (node.get("clientId").asString().equals(clientId)) {
        return node;
      }
    }
    throw new AssertionError("not listed: " + clientId + " in " + list.body());
  }

  private long clients() {
    return jdbc.sql("SELECT COUNT(*) FROM security.system_client").query(Long.class).single();
  }
}
