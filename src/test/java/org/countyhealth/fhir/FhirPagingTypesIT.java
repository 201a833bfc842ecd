package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
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
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Paging of types other than Patient: the audit trail (which grows while a client pages) and
 * PractitionerRole (two lists, posts then team places, paged as one).
 */
@IntegrationTest
class FhirPagingTypesIT {

  @LocalServerPort int port;

  @Autowired JdbcClient jdbc;
  @Autowired ResidentRegistry registry;
  @Autowired Accounts accounts;

  private String village;
  private String township;

  @BeforeEach
  void facilities() {
    DemoClinic clinic = DemoClinic.of(jdbc);
    village = clinic.village();
    township = clinic.township();
  }

  @Test
  void auditEventsPageWithoutShiftingWhileTheTrailGrows() throws Exception {
    String patient = String.valueOf(resident());
    FhirHttp doctor =
        FhirUser.create(
                port,
                jdbc,
                accounts,
                "fhir-paging",
                village,
                "翻页测试医生",
                Role.VILLAGE_DOCTOR,
                ScopeKind.OWN_FACILITY)
            .http();
    for (int i = 0; i < 12; i++) {
      assertThat(doctor.get("/fhir/Patient/" + patient).statusCode()).isEqualTo(200);
    }
    long events =
        jdbc.sql(
                "SELECT COUNT(*) FROM audit.audit_event WHERE object_type = 'Resident'"
                    + " AND object_id = ?")
            .param(patient)
            .query(Long.class)
            .single();
    assertThat(events).isGreaterThan(10);
    FhirHttp auditor = user("fhir-paging-auditor", "翻页审计员", Role.AUDITOR);

    Bundle first =
        SearchPaging.bundle(
            auditor.get("/fhir/AuditEvent?patient=Patient/" + patient + "&_count=5"));
    assertThat(first.getTotal()).isEqualTo(events);
    // The trail grows between pages: a newer event must not push an old one onto page two.
    doctor.get("/fhir/Patient/" + patient);
    List<Bundle> pages = new ArrayList<>(List.of(first));
    pages.addAll(
        SearchPaging.follow(
            auditor::get, SearchPaging.relative(first.getLink(Bundle.LINK_NEXT).getUrl())));
    assertThat(pages).extracting(Bundle::getTotal).containsOnly((int) events);
    List<String> returned = pages.stream().flatMap(p -> SearchPaging.ids(p).stream()).toList();
    assertThat(returned).doesNotHaveDuplicates().hasSize((int) events);
  }

  @Test
  void practitionerRolesPageAcrossPostsAndTeamPlaces() throws Exception {
    FhirHttp manager = user("fhir-paging-manager", "翻页管理人员", Role.CONSORTIUM_MANAGER);
    // Counted after the manager exists: the manager is a post of the township too.
    long posts =
        jdbc.sql("SELECT COUNT(*) FROM organization.staff WHERE facility_code = ?")
            .param(township)
            .query(Long.class)
            .single();
    long places =
        jdbc.sql(
                "SELECT COUNT(*) FROM organization.team_member m JOIN"
                    + " organization.family_doctor_team t ON t.id = m.team_id"
                    + " WHERE t.facility_code = ?")
            .param(township)
            .query(Long.class)
            .single();
    assertThat(places).isPositive();
    // A page size that does not divide the posts, so one page holds both kinds.
    int size = posts % 7 == 0 ? 6 : 7;

    List<Bundle> pages =
        SearchPaging.follow(
            manager::get,
            "/fhir/PractitionerRole?organization=Organization/" + township + "&_count=" + size);
    assertThat(pages).extracting(Bundle::getTotal).containsOnly((int) (posts + places));
    assertThat(pages).allSatisfy(p -> assertThat(p.getEntry().size()).isLessThanOrEqualTo(size));
    List<String> returned = pages.stream().flatMap(p -> SearchPaging.ids(p).stream()).toList();
    assertThat(returned).doesNotHaveDuplicates().hasSize((int) (posts + places));
    assertThat(returned.stream().filter(id -> id.startsWith("staff-"))).hasSize((int) posts);
  }

  private FhirHttp user(String prefix, String name, Role role) throws Exception {
    return FhirUser.create(
            port, jdbc, accounts, prefix, township, name, role, ScopeKind.WHOLE_CONSORTIUM)
        .http();
  }

  private long resident() {
    String code = "HC" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    return registry
        .register(
            new RegistrationRequest(
                "审计翻页",
                "2",
                LocalDate.of(1958, 6, 1),
                "01",
                null,
                "紫金县测试村9号",
                "441621",
                "测试村",
                "PERMANENT",
                village,
                township,
                null,
                village,
                List.of(IdentifierValue.of(IdentifierType.HEALTH_CODE, code.toUpperCase()))))
        .residentId();
  }
}
