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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.AuditProbe;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Search paging as a FHIR client does it: {@code _count}, Bundle.total, and the {@code next} links
 * followed to the end, over a session and with a bearer token; the scope holds on every page and
 * only the patients returned are audited.
 */
@IntegrationTest
class FhirPagingIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final int MATCHES = 45;
  private static final String NAME_CHARACTERS = "春夏秋冬梅兰竹菊松柏桃李杏枫荷莲桂菱芸芷";
  private static final Pattern ID = Pattern.compile("id=\"client-id\">([^<]+)<");
  private static final Pattern SECRET = Pattern.compile("id=\"client-secret\">([^<]+)<");
  private static final Pattern TOKEN = Pattern.compile("\"access_token\":\"([^\"]+)\"");

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;
  @Autowired AuditProbe audit;

  private final HttpClient client = HttpClient.newHttpClient();
  private String village;
  private String township;

  @BeforeEach
  void facilities() {
    DemoClinic clinic = DemoClinic.of(jdbc);
    village = clinic.village();
    township = clinic.township();
  }

  @Test
  void aSessionPagesThroughPatientsByFollowingNextLinks() throws Exception {
    String name = uniqueName();
    Set<String> registered = register(name, village, MATCHES);
    register(name, otherVillage(), 3); // same name, outside the doctor's scope: never listed
    FhirHttp doctor = doctor().http();

    long mark = audit.mark();
    Bundle first = SearchPaging.bundle(doctor.get(path(name) + "&_count=20"));
    assertThat(first.getTotal()).isEqualTo(MATCHES);
    assertThat(first.getEntry()).hasSize(20);
    assertThat(first.getLink(Bundle.LINK_SELF)).isNotNull();
    assertThat(first.getLink(Bundle.LINK_PREV)).isNull();
    // One audit event per patient returned on this page, not per match.
    assertThat(readEvents(mark)).containsExactlyInAnyOrderElementsOf(SearchPaging.ids(first));

    List<Bundle> pages = new ArrayList<>(List.of(first));
    pages.addAll(
        SearchPaging.follow(
            doctor::get, SearchPaging.relative(first.getLink(Bundle.LINK_NEXT).getUrl())));
    assertThat(pages).extracting(Bundle::getTotal).containsOnly(MATCHES);
    assertThat(pages).extracting(p -> p.getEntry().size()).containsExactly(20, 20, 5);
    List<String> returned = pages.stream().flatMap(p -> SearchPaging.ids(p).stream()).toList();
    assertThat(returned).doesNotHaveDuplicates();
    assertThat(new HashSet<>(returned)).isEqualTo(registered);
    assertThat(readEvents(mark)).containsExactlyInAnyOrderElementsOf(returned);

    // previous from the second page is the first page again.
    Bundle second = pages.get(1);
    Bundle back =
        SearchPaging.bundle(
            doctor.get(SearchPaging.relative(second.getLink(Bundle.LINK_PREV).getUrl())));
    assertThat(SearchPaging.ids(back)).isEqualTo(SearchPaging.ids(first));
  }

  @Test
  void aBearerTokenPagesTheSameWay() throws Exception {
    String name = uniqueName();
    Set<String> registered = register(name, village, MATCHES);
    String token = systemClientToken();

    long mark = audit.mark();
    List<Bundle> pages = SearchPaging.follow(p -> bearer(p, token), path(name) + "&_count=20");
    assertThat(pages).extracting(Bundle::getTotal).containsOnly(MATCHES);
    assertThat(pages).hasSize(3);
    List<String> returned = pages.stream().flatMap(p -> SearchPaging.ids(p).stream()).toList();
    assertThat(returned).doesNotHaveDuplicates();
    assertThat(new HashSet<>(returned)).isEqualTo(registered);
    assertThat(readEvents(mark)).containsExactlyInAnyOrderElementsOf(returned);
  }

  @Test
  void countDefaultsToTwentyIsCappedAtTwoHundredAndMayNotBeNegative() throws Exception {
    String name = uniqueName();
    register(name, village, 25);
    FhirHttp doctor = doctor().http();

    Bundle byDefault = SearchPaging.bundle(doctor.get(path(name)));
    assertThat(byDefault.getTotal()).isEqualTo(25);
    assertThat(byDefault.getEntry()).hasSize(20);
    assertThat(byDefault.getLink(Bundle.LINK_NEXT).getUrl()).contains("_offset=20");

    Bundle large = SearchPaging.bundle(doctor.get(path(name) + "&_count=5000"));
    assertThat(large.getEntry()).hasSize(25);
    assertThat(large.getLink(Bundle.LINK_NEXT)).isNull();

    long mark = audit.mark();
    Bundle onlyTotal = SearchPaging.bundle(doctor.get(path(name) + "&_count=0"));
    assertThat(onlyTotal.getTotal()).isEqualTo(25);
    assertThat(onlyTotal.getEntry()).isEmpty();
    assertThat(readEvents(mark)).isEmpty();

    HttpResponse<String> negative = doctor.get(path(name) + "&_count=-1");
    assertThat(negative.statusCode()).isEqualTo(400);
    OperationOutcome outcome =
        FHIR.newJsonParser().parseResource(OperationOutcome.class, negative.body());
    assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("_count");
  }

  private FhirUser doctor() throws Exception {
    return FhirUser.create(
        port,
        jdbc,
        accounts,
        "fhir-paging",
        village,
        "翻页测试医生",
        Role.VILLAGE_DOCTOR,
        ScopeKind.OWN_FACILITY);
  }

  private static String path(String name) {
    return "/fhir/Patient?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
  }

  private List<String> readEvents(long mark) {
    return audit.since(mark).stream()
        .filter(e -> e.action().equals("FHIR_PATIENT_READ"))
        .map(AuditProbe.Event::objectId)
        .toList();
  }

  private static String uniqueName() {
    StringBuilder name = new StringBuilder("翻页");
    for (int i = 0; i < 3; i++) {
      name.append(
          NAME_CHARACTERS.charAt(ThreadLocalRandom.current().nextInt(NAME_CHARACTERS.length())));
    }
    return name.toString();
  }

  /** {@code count} residents of that name at a village clinic, born on different days. */
  private Set<String> register(String name, String clinic, int count) {
    String centre =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(clinic)
            .query(String.class)
            .single();
    List<RegistrationRequest> requests = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String code = "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      requests.add(
          new RegistrationRequest(
              name,
              i % 2 == 0 ? "1" : "2",
              LocalDate.of(1950, 1, 1).plusDays(i * 97L),
              "01",
              null,
              "紫金县测试村" + i + "号",
              "441621",
              "测试村",
              "PERMANENT",
              clinic,
              centre,
              null,
              clinic,
              List.of(IdentifierValue.of(IdentifierType.HEALTH_CODE, code.toUpperCase()))));
    }
    Set<String> ids = new HashSet<>();
    registry.registerAll(requests).forEach(o -> ids.add(String.valueOf(o.residentId())));
    assertThat(ids).hasSize(count);
    return ids;
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

  /** A system client of the village clinic registered by an administrator, and its token. */
  private String systemClientToken() throws Exception {
    FhirHttp admin =
        FhirUser.create(
                port,
                jdbc,
                accounts,
                "fhir-paging-admin",
                township,
                "翻页接口管理员",
                Role.SYSTEM_ADMIN,
                ScopeKind.WHOLE_CONSORTIUM)
            .http();
    String form =
        "name="
            + URLEncoder.encode("翻页 HIS " + UUID.randomUUID(), StandardCharsets.UTF_8)
            + "&facilityCode="
            + village
            + "&privileges=RESIDENT_VIEW";
    HttpResponse<String> page =
        admin.post("/system-clients", "application/x-www-form-urlencoded", form);
    Matcher id = ID.matcher(page.body());
    Matcher secret = SECRET.matcher(page.body());
    assertThat(id.find() && secret.find()).as(page.body()).isTrue();
    HttpResponse<String> token =
        client.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&client_id="
                            + URLEncoder.encode(id.group(1), StandardCharsets.UTF_8)
                            + "&client_secret="
                            + URLEncoder.encode(secret.group(1), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = TOKEN.matcher(token.body());
    assertThat(m.find()).as(token.body()).isTrue();
    return m.group(1);
  }

  private HttpResponse<String> bearer(String path, String token) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "application/fhir+json")
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
