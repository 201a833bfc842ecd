package org.countyhealth.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.countyhealth.IntegrationTest;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** The organization pages and JSON API as a consortium manager uses them. */
@IntegrationTest
class OrganizationWebIT {

  @Autowired OrganizationRegistry registry;
  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  TestConsortium c;
  RequestPostProcessor manager;

  @BeforeEach
  void consortium() {
    c = TestConsortium.build(registry);
    manager =
        authentication(
            TestActors.authentication(
                TestActors.actor("manager", c.lead, DataScope.consortium(), Privilege.values())));
  }

  @Test
  void treeGroupsCentresByGridAndWarnsOnSmallGrids() throws Exception {
    mvc.perform(get("/facilities").with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("片区A" + c.tag)))
        .andExpect(content().string(containsString("片区B" + c.tag)))
        .andExpect(content().string(containsString("片区仅有 1 个分院")))
        .andExpect(content().string(containsString("东村卫生站" + c.tag)));
    mvc.perform(
            get("/facilities")
                .param("type", "VILLAGE_CLINIC")
                .param("name", "东村卫生站" + c.tag)
                .with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("东村卫生站" + c.tag)));
    mvc.perform(get("/facilities/" + c.t1).with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("紫城家庭医生团队" + c.tag)))
        .andExpect(content().string(containsString("李全" + c.tag)));
    mvc.perform(get("/teams/" + c.team1).with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("王心" + c.tag)));
    mvc.perform(get("/teams").with(manager)).andExpect(status().isOk());
    mvc.perform(get("/staff").param("facility", c.t1).param("profession", "NURSE").with(manager))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("赵护" + c.tag)));
    mvc.perform(get("/facilities/new").with(manager)).andExpect(status().isOk());
    mvc.perform(get("/facilities/" + c.t1 + "/edit").with(manager)).andExpect(status().isOk());
  }

  @Test
  void formShowsTheRefusalBesideTheFieldAndWritesNothing() throws Exception {
    long before = facilityCount();
    String code = TestConsortium.newLicenceCode();
    mvc.perform(
            post("/facilities")
                .with(manager)
                .with(csrf())
                .param("licenceCode", code)
                .param("name", "错误卫生站")
                .param("type", "VILLAGE_CLINIC")
                .param("parentCode", c.county)
                .param("divisionCode", "441621"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("不能直接隶属于县级医院")))
        .andExpect(content().string(containsString("is-invalid")));
    mvc.perform(
            post("/facilities")
                .with(manager)
                .with(csrf())
                .param("licenceCode", code.substring(0, 8) + "Z" + code.substring(9))
                .param("name", "")
                .param("type", "VILLAGE_CLINIC")
                .param("divisionCode", "441621"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请填写机构名称")));
    mvc.perform(
            post("/facilities/" + c.t1)
                .with(manager)
                .with(csrf())
                .param("name", "紫城卫生院")
                .param("parentCode", c.v1)
                .param("gridId", String.valueOf(c.gridA))
                .param("active", "true"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("循环")));
    assertThat(facilityCount()).isEqualTo(before);

    mvc.perform(
            post("/facilities")
                .with(manager)
                .with(csrf())
                .param("licenceCode", code)
                .param("name", "新建卫生站" + c.tag)
                .param("type", "VILLAGE_CLINIC")
                .param("parentCode", c.t3)
                .param("divisionCode", "441621102"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/facilities/" + code));
    assertThat(facilityCount()).isEqualTo(before + 1);
  }

  @Test
  void staffFormRefusesADuplicateLicenceNumberBesideTheField() throws Exception {
    String taken =
        jdbc.sql("SELECT licence_number FROM organization.staff WHERE id = ?")
            .param(c.gp1)
            .query(String.class)
            .single();
    long before = staffCount();
    mvc.perform(get("/facilities/" + c.t1 + "/staff/new").with(manager)).andExpect(status().isOk());
    mvc.perform(
            post("/facilities/" + c.t1 + "/staff")
                .with(manager)
                .with(csrf())
                .param("name", "孙医生")
                .param("sex", "2")
                .param("profession", "GENERAL_PRACTITIONER")
                .param("title", "PHYSICIAN")
                .param("licenceNumber", taken))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("已登记给其他人员")))
        .andExpect(content().string(containsString("is-invalid")));
    mvc.perform(
            post("/facilities/" + c.t1 + "/staff")
                .with(manager)
                .with(csrf())
                .param("name", "")
                .param("profession", "GENERAL_PRACTITIONER")
                .param("title", "PHYSICIAN"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("请填写姓名")))
        .andExpect(content().string(containsString("请选择性别")));
    assertThat(staffCount()).isEqualTo(before);
    mvc.perform(
            post("/facilities/" + c.t1 + "/staff")
                .with(manager)
                .with(csrf())
                .param("name", "孙医生" + c.tag)
                .param("sex", "2")
                .param("profession", "GENERAL_PRACTITIONER")
                .param("title", "PHYSICIAN"))
        .andExpect(status().is3xxRedirection());
    assertThat(staffCount()).isEqualTo(before + 1);
  }

  @Test
  void apiValidatesAndAnswersWithStableCodes() throws Exception {
    mvc.perform(
            post("/api/v1/facilities")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"licenceCode\":\"\",\"type\":\"VILLAGE_CLINIC\",\"divisionCode\":\"441621\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("VALIDATION_FAILED"))
        .andExpect(jsonPath("$['field.name']").value("请填写机构名称"));
    mvc.perform(
            post("/api/v1/facilities")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(facilityJson(c.v1, c.t1, "441621100")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("FACILITY_LICENCE_DUPLICATE"))
        .andExpect(jsonPath("$.field").value("licenceCode"));
    mvc.perform(
            post("/api/v1/facilities")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(facilityJson(TestConsortium.newLicenceCode(), c.t1, "441622100")))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("DIVISION_UNKNOWN"));
    String code = TestConsortium.newLicenceCode();
    mvc.perform(
            post("/api/v1/facilities")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(facilityJson(code, c.t1, "441621100")))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.licenceCode").value(code))
        .andExpect(jsonPath("$.parentCode").value(c.t1));
    mvc.perform(
            put("/api/v1/facilities/" + c.t1)
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"紫城\",\"parentCode\":\"" + code + "\",\"active\":true}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("FACILITY_PARENT_CYCLE"));
    mvc.perform(
            post("/api/v1/staff")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"facilityCode\":\""
                        + code
                        + "\",\"name\":\"新医生\",\"sex\":\"2\","
                        + "\"profession\":\"VILLAGE_DOCTOR\",\"title\":\"VILLAGE_DOCTOR\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.facilityCode").value(code));
    mvc.perform(
            post("/api/v1/teams")
                .with(manager)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"facilityCode\":\""
                        + c.t2
                        + "\",\"name\":\"龙窝团队\",\"leaderId\":"
                        + c.gp2
                        + ",\"members\":[{\"staffId\":"
                        + c.villageDoctor2
                        + ",\"role\":\"VILLAGE_DOCTOR\"}]}"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(jsonPath("$.code").value("TEAM_LEADER_INVALID"));
  }

  @Test
  void aVillageDoctorCannotWrite() throws Exception {
    var villageDoctor =
        authentication(
            TestActors.authentication(
                TestActors.actor(
                    "vd",
                    c.v1,
                    DataScope.of(List.of(c.v1)),
                    Privilege.FACILITY_VIEW,
                    Privilege.STAFF_VIEW)));
    mvc.perform(
            post("/api/v1/facilities")
                .with(villageDoctor)
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(facilityJson(TestConsortium.newLicenceCode(), c.v1, "441621100")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/staff/" + c.villageDoctor1 + "/deactivate").with(villageDoctor).with(csrf()))
        .andExpect(status().isForbidden());
  }

  private static String facilityJson(String code, String parent, String division) {
    return "{\"licenceCode\":\""
        + code
        + "\",\"name\":\"接口卫生站\",\"type\":\"VILLAGE_CLINIC\","
        + "\"parentCode\":\""
        + parent
        + "\",\"divisionCode\":\""
        + division
        + "\"}";
  }

  private long staffCount() {
    return jdbc.sql("SELECT COUNT(*) FROM organization.staff").query(Long.class).single();
  }

  private long facilityCount() {
    return jdbc.sql("SELECT COUNT(*) FROM organization.facility").query(Long.class).single();
  }
}
