package org.countyhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.countyhealth.security.SecurityTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The resident page gathers the modules' sections: the family doctor of the demo county sees the
 * health record, the contract, the chronic registries with their grade and the referrals of a
 * patient in the township.
 */
@IntegrationTest
class ResidentPageSectionsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Value("${countyhealth.demo.password:Zijin#County2026}")
  String password;

  @Test
  void familyDoctorSeesEveryModulesSection() throws Exception {
    String township =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'familydoctor'")
            .query(String.class)
            .single();
    long patient =
        jdbc.sql(
                "SELECT MIN(r.id) FROM residents.resident r JOIN chronic.enrolment e"
                    + " ON e.resident_id = r.id WHERE r.township_code = ? AND r.status = 'ACTIVE'"
                    + " AND e.status = 'MANAGED'")
            .param(township)
            .query(Long.class)
            .single();
    MockHttpSession session = SecurityTestSupport.login(mvc, "familydoctor", password);
    try {
      String page =
          mvc.perform(get("/residents/" + patient).session(session))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page)
          .contains("健康档案与体检", "家庭医生签约", "慢病管理", "双向转诊")
          .containsPattern("在管：(高血压|2型糖尿病)（(红标|黄标|绿标)）")
          .contains("/residents/" + patient + "/chronic", "/residents/" + patient + "/referrals");
    } finally {
      mvc.perform(post("/logout").session(session).with(csrf()));
    }
  }
}
