package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.SecurityTestSupport;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Practitioner and PractitionerRole search, ServiceRequest and Task (referrals) and AuditEvent over
 * real HTTP: scope, privilege, audit, and every answer valid R4.
 */
@IntegrationTest
class FhirStaffAndReferralIT {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  /** Platform state → FHIR Task status, as the brief lists it. */
  private static final Map<String, String> TASK_STATUS =
      Map.ofEntries(
          Map.entry("DRAFTED", "draft"),
          Map.entry("SUBMITTED", "requested"),
          Map.entry("APPROVED", "requested"),
          Map.entry("RECEIVED", "received"),
          Map.entry("ACCEPTED", "accepted"),
          Map.entry("DECLINED", "rejected"),
          Map.entry("ARRIVED", "in-progress"),
          Map.entry("TREATED", "in-progress"),
          Map.entry("CLOSED", "completed"),
          Map.entry("DOWN_REFERRED", "completed"),
          Map.entry("CANCELLED", "cancelled"));

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @Test
  void practitionersAreSearchedByNameIdentifierAndOrganization() throws Exception {
    String village = facilityOf("villagedoctor");
    String otherVillage = facilityOf("villagedoctor2");
    long mine = SecurityTestSupport.insertStaff(jdbc, village, "檀明远");
    long theirs = SecurityTestSupport.insertStaff(jdbc, otherVillage, "檀明达");
    FhirHttp http = signIn(village, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);

    assertThat(ids(search(http, "/fhir/Practitioner?name=檀明")))
        .contains(String.valueOf(mine))
        .doesNotContain(String.valueOf(theirs));
    assertThat(ids(search(http, "/fhir/Practitioner?name:exact=檀明远")))
        .containsExactly(String.valueOf(mine));
    assertThat(
            ids(
                search(
                    http,
                    "/fhir/Practitioner?identifier=" + IdentifierSystems.STAFF + "%7C" + mine)))
        .containsExactly(String.valueOf(mine));
    // Narrowed by name too: the shared test database's clinic holds more staff than one page.
    assertThat(
            ids(
                search(
                    http, "/fhir/Practitioner?organization=Organization/" + village + "&name=檀明")))
        .contains(String.valueOf(mine))
        .doesNotContain(String.valueOf(theirs));
    assertThat(
            ids(
                search(
                    http,
                    "/fhir/Practitioner?identifier=" + IdentifierSystems.STAFF + "%7C" + theirs)))
        .isEmpty();
    HttpResponse<String> read = http.get("/fhir/Practitioner/" + mine);
    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
    Practitioner p = FHIR.newJsonParser().parseResource(Practitioner.class, read.body());
    assertThat(p.getQualification())
        .extracting(q -> q.getCode().getCodingFirstRep().getCode())
        .containsExactly("GENERAL_PRACTITIONER", "ATTENDING_PHYSICIAN");
    assertThat(http.get("/fhir/Practitioner/" + theirs).statusCode()).isEqualTo(404);
  }

  @Test
  void practitionerRolesAreTheStaffPostsAndTeamRoles() throws Exception {
    Map<String, Object> member =
        jdbc.sql(
                "SELECT t.id AS team, t.facility_code AS facility, m.staff_id AS staff, m.role AS"
                    + " role FROM organization.team_member m JOIN organization.family_doctor_team t"
                    + " ON t.id = m.team_id WHERE t.facility_code LIKE 'ZJ%' ORDER BY t.id,"
                    + " m.staff_id LIMIT 1")
            .query()
            .singleRow();
    String centre = (String) member.get("facility");
    long staff = ((Number) member.get("staff")).longValue();
    long team = ((Number) member.get("team")).longValue();
    FhirHttp http = signIn(centre, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);

    Bundle roles = search(http, "/fhir/PractitionerRole?practitioner=Practitioner/" + staff);
    assertThat(ids(roles)).contains("team-" + team + "-" + staff);
    Bundle byRole =
        search(
            http,
            "/fhir/PractitionerRole?organization=Organization/"
                + centre
                + "&role="
                + IdentifierSystems.TEAM_ROLE
                + "%7C"
                + member.get("role")
                + "&_count=200");
    assertThat(ids(byRole)).contains("team-" + team + "-" + staff);
    assertThat(byRole.getEntry())
        .allSatisfy(
            e ->
                assertThat(
                        ((PractitionerRole) e.getResource())
                            .getCodeFirstRep()
                            .getCodingFirstRep()
                            .getCode())
                    .isEqualTo(member.get("role")));

    HttpResponse<String> read = http.get("/fhir/PractitionerRole/team-" + team + "-" + staff);
    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
    PractitionerRole role = FHIR.newJsonParser().parseResource(PractitionerRole.class, read.body());
    assertThat(role.getPractitioner().getReference()).isEqualTo("Practitioner/" + staff);
    assertThat(role.getOrganization().getReference()).isEqualTo("Organization/" + centre);

    long own = SecurityTestSupport.insertStaff(jdbc, centre, "岗位测试医生");
    HttpResponse<String> post = http.get("/fhir/PractitionerRole/staff-" + own);
    assertThat(post.statusCode()).isEqualTo(200);
    Conformance.assertValid(post.body());
    FhirHttp outside =
        signIn(facilityOf("villagedoctor2"), Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    assertThat(outside.get("/fhir/PractitionerRole/staff-" + own).statusCode()).isEqualTo(404);
    assertThat(outside.get("/fhir/PractitionerRole/team-" + team + "-" + staff).statusCode())
        .isEqualTo(404);
  }

  @Test
  void referralsAreServiceRequestsWithTasksInTheScopeAndAudited() throws Exception {
    String from =
        jdbc.sql(
                "SELECT from_facility_code FROM referral.referral GROUP BY from_facility_code"
                    + " ORDER BY COUNT(DISTINCT status) DESC, from_facility_code LIMIT 1")
            .query(String.class)
            .single();
    List<Map<String, Object>> sent =
        jdbc.sql(
                "SELECT id, status, to_facility_code, resident_id, diagnosis_code, green_channel"
                    + " FROM referral.referral WHERE from_facility_code = ? ORDER BY id DESC")
            .param(from)
            .query()
            .listOfRows();
    FhirHttp http = signIn(from, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);

    Bundle tasks = search(http, "/fhir/Task?requester=Organization/" + from);
    // One page of the default size, newest first; the total counts them all.
    assertThat(tasks.getTotal()).isEqualTo(sent.size());
    assertThat(tasks.getEntry()).hasSize(Math.min(sent.size(), 20));
    for (Bundle.BundleEntryComponent e : tasks.getEntry()) {
      Task task = (Task) e.getResource();
      Map<String, Object> row =
          sent.stream()
              .filter(r -> String.valueOf(r.get("id")).equals(task.getIdElement().getIdPart()))
              .findFirst()
              .orElseThrow();
      assertThat(task.getStatus().toCode()).isEqualTo(TASK_STATUS.get((String) row.get("status")));
      assertThat(task.getBusinessStatus().getCodingFirstRep().getCode())
          .isEqualTo(row.get("status"));
      assertThat(task.getOwner().getReference())
          .isEqualTo("Organization/" + row.get("to_facility_code"));
    }

    Map<String, Object> first = sent.get(0);
    String id = String.valueOf(first.get("id"));
    long before = lastAuditId();
    HttpResponse<String> read = http.get("/fhir/ServiceRequest/" + id);
    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
    ServiceRequest request = FHIR.newJsonParser().parseResource(ServiceRequest.class, read.body());
    assertThat(request.getIntent()).isEqualTo(ServiceRequest.ServiceRequestIntent.ORDER);
    assertThat(request.getRequester().getReference()).isEqualTo("Organization/" + from);
    assertThat(request.getPerformerFirstRep().getReference())
        .isEqualTo("Organization/" + first.get("to_facility_code"));
    assertThat(request.getReasonCodeFirstRep().getCodingFirstRep().getCode())
        .isEqualTo(first.get("diagnosis_code"));
    assertThat(request.getPriority())
        .isEqualTo(
            Boolean.TRUE.equals(first.get("green_channel"))
                ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
    assertThat(request.getSubject().getReference())
        .isEqualTo("Patient/" + first.get("resident_id"));
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(*) FROM audit.audit_event WHERE id > ? AND action ="
                        + " 'FHIR_SERVICEREQUEST_READ' AND object_type = 'Referral' AND object_id = ?")
                .params(before, id)
                .query(Long.class)
                .single())
        .isEqualTo(1);

    Bundle byPatient =
        search(http, "/fhir/ServiceRequest?patient=Patient/" + first.get("resident_id"));
    assertThat(ids(byPatient)).contains(id);
    String fhirStatus = TASK_STATUS.get((String) first.get("status"));
    assertThat(ids(search(http, "/fhir/Task?status=" + fhirStatus))).contains(id);

    String stranger =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility f WHERE licence_code LIKE 'ZJ%'"
                    + " AND NOT EXISTS (SELECT 1 FROM referral.referral r WHERE r.id = ? AND"
                    + " (r.from_facility_code = f.licence_code OR r.to_facility_code ="
                    + " f.licence_code)) ORDER BY licence_code LIMIT 1")
            .param(Long.parseLong(id))
            .query(String.class)
            .single();
    FhirHttp outside = signIn(stranger, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    HttpResponse<String> hidden = outside.get("/fhir/ServiceRequest/" + id);
    assertThat(hidden.statusCode()).isEqualTo(404);
    Conformance.assertValid(hidden.body());
    assertThat(outside.get("/fhir/Task/" + id).statusCode()).isEqualTo(404);
    assertThat(ids(search(outside, "/fhir/Task?patient=Patient/" + first.get("resident_id"))))
        .doesNotContain(id);
  }

  @Test
  void auditEventsAreForAuditorsOnly() throws Exception {
    String village = facilityOf("villagedoctor");
    FhirHttp doctor = signIn(village, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    long resident =
        jdbc.sql(
                "SELECT MIN(id) FROM residents.resident WHERE status = 'ACTIVE' AND facility_code = ?")
            .param(village)
            .query(Long.class)
            .single();
    assertThat(doctor.get("/fhir/Patient/" + resident).statusCode()).isEqualTo(200);
    HttpResponse<String> refused = doctor.get("/fhir/AuditEvent?patient=Patient/" + resident);
    assertThat(refused.statusCode()).isEqualTo(403);
    Conformance.assertValid(refused.body());

    FhirHttp auditor = signIn(village, Role.AUDITOR, ScopeKind.WHOLE_CONSORTIUM);
    Bundle events =
        search(auditor, "/fhir/AuditEvent?patient=Patient/" + resident + "&date=ge2020-01-01");
    assertThat(events.getEntry()).isNotEmpty();
    AuditEvent latest = (AuditEvent) events.getEntryFirstRep().getResource();
    assertThat(latest.getEntityFirstRep().getWhat().getReference())
        .isEqualTo("Patient/" + resident);
    assertThat(latest.getSubtypeFirstRep().getCode()).isEqualTo("FHIR_PATIENT_READ");
    String who = latest.getAgentFirstRep().getAltId();
    assertThat(
            ids(
                search(
                    auditor,
                    "/fhir/AuditEvent?agent-name=" + who + "&patient=Patient/" + resident)))
        .contains(latest.getIdElement().getIdPart());
    assertThat(
            search(auditor, "/fhir/AuditEvent?patient=Patient/" + resident + "&date=lt2020-01-01")
                .getEntry())
        .isEmpty();
    HttpResponse<String> read =
        auditor.get("/fhir/AuditEvent/" + latest.getIdElement().getIdPart());
    assertThat(read.statusCode()).isEqualTo(200);
    Conformance.assertValid(read.body());
  }

  private FhirHttp signIn(String facility, Role role, ScopeKind scope) throws Exception {
    return FhirUser.create(
            port, jdbc, accounts, "fhir-sr", facility, "接口" + role.label(), role, scope)
        .http();
  }

  private static Bundle search(FhirHttp http, String path) throws Exception {
    HttpResponse<String> response = http.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  private static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream()
        .map(Bundle.BundleEntryComponent::getResource)
        .map(Resource::getIdElement)
        .map(i -> i.getIdPart())
        .toList();
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
