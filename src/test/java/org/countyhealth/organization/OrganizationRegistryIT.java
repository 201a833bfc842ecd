package org.countyhealth.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.countyhealth.organization.TestActors.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.organization.OrganizationRegistry.FacilityChange;
import org.countyhealth.organization.OrganizationRegistry.NewFacility;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The registry against PostgreSQL: refusals carry a stable code and change nothing. */
@IntegrationTest
class OrganizationRegistryIT {

  @Autowired OrganizationRegistry registry;
  @Autowired Facilities facilities;
  @Autowired JdbcClient jdbc;
  @Autowired MockMvc mvc;
  @Autowired AuditProbe audit;

  record Refusal(String name, String code, ThrowingCallable change) {}

  @TestFactory
  Stream<DynamicTest> refusedChangesLeaveEveryTableAsItWas() {
    TestConsortium c = TestConsortium.build(registry);
    String fresh = TestConsortium.newLicenceCode();
    List<Refusal> refusals =
        List.of(
            new Refusal(
                "duplicate licence code",
                "FACILITY_LICENCE_DUPLICATE",
                () ->
                    registry.registerFacility(
                        facility(c.lead, FacilityType.VILLAGE_CLINIC, c.t1, "441621100"))),
            new Refusal(
                "malformed licence code",
                "FACILITY_LICENCE_INVALID",
                () ->
                    registry.registerFacility(
                        facility(
                            fresh.substring(0, 8) + "Z" + fresh.substring(9),
                            FacilityType.VILLAGE_CLINIC,
                            c.t1,
                            "441621100"))),
            new Refusal(
                "unknown division code",
                "DIVISION_UNKNOWN",
                () ->
                    registry.registerFacility(
                        facility(fresh, FacilityType.VILLAGE_CLINIC, c.t1, "441622100"))),
            new Refusal(
                "division code with no such province",
                "DIVISION_INVALID",
                () ->
                    registry.registerFacility(
                        facility(fresh, FacilityType.VILLAGE_CLINIC, c.t1, "991621"))),
            new Refusal(
                "village clinic directly under a county hospital",
                "FACILITY_PARENT_TYPE",
                () ->
                    registry.registerFacility(
                        facility(fresh, FacilityType.VILLAGE_CLINIC, c.county, "441621100"))),
            new Refusal(
                "unknown parent",
                "FACILITY_PARENT_UNKNOWN",
                () ->
                    registry.registerFacility(
                        facility(
                            fresh,
                            FacilityType.VILLAGE_CLINIC,
                            TestConsortium.newLicenceCode(),
                            "441621100"))),
            new Refusal(
                "fifth township centre in a grid",
                "GRID_FULL",
                () ->
                    registry.registerFacility(
                        new NewFacility(
                            fresh,
                            "新卫生院",
                            FacilityType.TOWNSHIP_HEALTH_CENTRE,
                            c.lead,
                            "441621105",
                            c.gridA,
                            null,
                            null))),
            new Refusal(
                "township centre moved under its own village clinic",
                "FACILITY_PARENT_CYCLE",
                () -> registry.updateFacility(c.t1, change("紫城卫生院", c.v1, c.gridA, true))),
            new Refusal(
                "lead hospital moved under a township centre",
                "FACILITY_PARENT_CYCLE",
                () -> registry.updateFacility(c.lead, change("总医院", c.t1, null, true))),
            new Refusal(
                "village clinic moved under the county hospital",
                "FACILITY_PARENT_TYPE",
                () -> registry.updateFacility(c.v1, change("东村卫生站", c.county, null, true))),
            new Refusal(
                "village clinic put in a grid",
                "FACILITY_GRID_TYPE",
                () -> registry.updateFacility(c.v1, change("东村卫生站", c.t1, c.gridB, true))),
            new Refusal(
                "township centre moved into a full grid",
                "GRID_FULL",
                () -> registry.updateFacility(c.t5, change("蓝塘卫生院", c.lead, c.gridA, true))),
            new Refusal(
                "centre closed while its clinic is open",
                "FACILITY_HAS_ACTIVE_CHILDREN",
                () -> registry.updateFacility(c.t1, change("紫城卫生院", c.lead, c.gridA, false))),
            new Refusal(
                "duplicate staff licence number",
                "STAFF_LICENCE_DUPLICATE",
                () -> registry.addStaff(staff(c.t1, licenceNumberOf(c.gp1)))),
            new Refusal(
                "staff at an unknown facility",
                "FACILITY_UNKNOWN",
                () -> registry.addStaff(staff(TestConsortium.newLicenceCode(), "X" + c.tag))),
            new Refusal(
                "township doctor as team leader",
                "TEAM_LEADER_INVALID",
                () -> registry.formTeam(c.t1, "队", c.gp1, Map.of(c.nurse1, TeamRole.NURSE))),
            new Refusal(
                "village doctor of another township",
                "TEAM_MEMBER_INVALID",
                () ->
                    registry.formTeam(
                        c.t1,
                        "队",
                        c.specialist,
                        Map.of(
                            c.gp1,
                            TeamRole.GENERAL_PRACTITIONER,
                            c.villageDoctor2,
                            TeamRole.VILLAGE_DOCTOR))),
            new Refusal(
                "duplicate grid name",
                "GRID_NAME_DUPLICATE",
                () -> registry.createGrid(c.consortium, "片区A" + c.tag)),
            new Refusal(
                "duplicate department code",
                "DEPARTMENT_CODE_DUPLICATE",
                () -> registry.addDepartment(c.lead, "XNK", "心内科")));
    return refusals.stream()
        .map(
            r ->
                DynamicTest.dynamicTest(
                    r.name(),
                    () -> {
                      List<String> before = snapshot();
                      long mark = audit.mark();
                      as(
                          TestActors.system(),
                          () ->
                              assertThatThrownBy(r.change())
                                  .isInstanceOf(BusinessException.class)
                                  .satisfies(
                                      e ->
                                          assertThat(e.getMessage())
                                              .isNotBlank()
                                              .doesNotContain("Exception"))
                                  .extracting(e -> ((BusinessException) e).code())
                                  .isEqualTo(r.code()));
                      assertThat(snapshot()).isEqualTo(before);
                      assertThat(audit.since(mark)).isEmpty();
                    }));
  }

  @Test
  void acceptedChangesAreWrittenAndDescribedToTheAuditTrail() throws Exception {
    TestConsortium c = TestConsortium.build(registry);
    RequestPostProcessor manager =
        authentication(
            TestActors.authentication(
                TestActors.actor("manager", c.lead, DataScope.consortium(), Privilege.values())));
    long mark = audit.mark();
    // Through the API: the audit trail writes what a request described when it completes.
    mvc.perform(
            put("/api/v1/facilities/" + c.v1)
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"name\":\"东村卫生站（新）\",\"parentCode\":\""
                        + c.t2
                        + "\",\"gridId\":null,\"active\":true}"))
        .andExpect(status().isOk());
    String team =
        mvc.perform(
                post("/api/v1/teams")
                    .with(manager)
                    .with(csrf())
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"facilityCode\":\""
                            + c.t2
                            + "\",\"name\":\"龙窝家庭医生团队"
                            + c.tag
                            + "\",\"leaderId\":"
                            + c.specialist
                            + ",\"members\":[{\"staffId\":"
                            + c.gp2
                            + ",\"role\":\"GENERAL_PRACTITIONER\"},{\"staffId\":"
                            + c.villageDoctor2
                            + ",\"role\":\"VILLAGE_DOCTOR\"}]}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location")
            .replace("/api/v1/teams/", "");

    assertThat(facilities.find(c.v1))
        .hasValueSatisfying(
            f -> {
              assertThat(f.parentCode()).isEqualTo(c.t2);
              assertThat(f.name()).isEqualTo("东村卫生站（新）");
            });
    assertThat(facilities.subtreeOf(c.t2)).containsExactlyInAnyOrder(c.t2, c.v1, c.v2);
    assertThat(facilities.subtreeOf(c.t1)).containsExactly(c.t1);
    assertThat(audit.since(mark))
        .contains(new Event("FACILITY_UPDATE", "Facility", c.v1, AuditResult.SUCCESS))
        .contains(new Event("TEAM_CREATE", "FamilyDoctorTeam", team, AuditResult.SUCCESS));

    as(TestActors.system(), () -> registry.deactivateStaff(c.nurse1));
    assertThat(facilities.findStaff(c.nurse1))
        .hasValueSatisfying(s -> assertThat(s.active()).isFalse());
  }

  @Test
  void theWholeConsortiumIsOneSubtree() {
    TestConsortium c = TestConsortium.build(registry);
    assertThat(facilities.subtreeOf(c.lead))
        .containsExactlyInAnyOrder(c.lead, c.county, c.t1, c.t2, c.t3, c.t4, c.t5, c.v1, c.v2);
  }

  @Test
  void writesNeedTheirPrivilege() {
    TestConsortium c = TestConsortium.build(registry);
    var villageDoctor =
        TestActors.actor(
            "vd", c.v1, DataScope.of(List.of(c.v1)), Privilege.FACILITY_VIEW, Privilege.STAFF_VIEW);
    List<String> before = snapshot();
    as(
        villageDoctor,
        () -> {
          assertThatThrownBy(() -> registry.updateFacility(c.v1, change("改名", c.t1, null, true)))
              .isInstanceOf(AccessDeniedException.class);
          assertThatThrownBy(() -> registry.deactivateStaff(c.villageDoctor1))
              .isInstanceOf(AccessDeniedException.class);
        });
    assertThat(snapshot()).isEqualTo(before);
  }

  private static NewFacility facility(
      String code, FacilityType type, String parent, String division) {
    return new NewFacility(code, "新机构", type, parent, division, null, null, null);
  }

  private static FacilityChange change(String name, String parent, Long grid, boolean active) {
    return new FacilityChange(name, parent, grid, active, null, null);
  }

  private static NewStaff staff(String facility, String licenceNumber) {
    return new NewStaff(
        facility, null, "新人", "2", Profession.NURSE, Title.NURSE, licenceNumber, null);
  }

  private String licenceNumberOf(long staffId) {
    return jdbc.sql("SELECT licence_number FROM organization.staff WHERE id = ?")
        .param(staffId)
        .query(String.class)
        .single();
  }

  /** Every row of every organization table, as text. */
  private List<String> snapshot() {
    return Stream.of(
            "SELECT licence_code, name, parent_code, grid_id, active, updated_at FROM organization.facility ORDER BY 1",
            "SELECT id, facility_code, licence_number, active FROM organization.staff ORDER BY 1",
            "SELECT id, name FROM organization.grid ORDER BY 1",
            "SELECT id, name FROM organization.consortium ORDER BY 1",
            "SELECT id, facility_code, code FROM organization.department ORDER BY 1",
            "SELECT id, name, leader_id, active FROM organization.family_doctor_team ORDER BY 1",
            "SELECT team_id, staff_id, role FROM organization.team_member ORDER BY 1, 2")
        .flatMap(sql -> jdbc.sql(sql).query().listOfRows().stream().map(Object::toString))
        .toList();
  }
}
