package org.countyhealth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.countyhealth.security.SecurityTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The demo county's village doctor, signed in through the real login, cannot list or open another
 * clinic's facility or staff records by page URL or API: they answer 404 as if unknown, and never
 * appear in lists.
 */
@IntegrationTest
class DemoAccountDataScopeIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;

  @Value("${countyhealth.demo.password:Zijin#County2026}")
  String password;

  MockHttpSession session;
  String ownClinic;
  String otherClinic;
  long otherStaff;

  @BeforeEach
  void signInAsVillageDoctor() throws Exception {
    session = SecurityTestSupport.login(mvc, "villagedoctor", password);
    ownClinic =
        jdbc.sql("SELECT facility_code FROM security.account WHERE username = 'villagedoctor'")
            .query(String.class)
            .single();
    otherClinic =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type = 'VILLAGE_CLINIC'"
                    + " AND licence_code <> ? ORDER BY licence_code LIMIT 1")
            .param(ownClinic)
            .query(String.class)
            .single();
    otherStaff =
        jdbc.sql("SELECT MIN(id) FROM organization.staff WHERE facility_code = ?")
            .param(otherClinic)
            .query(Long.class)
            .single();
  }

  /** Sign out again: the account may hold only two sessions at a time. */
  @AfterEach
  void signOut() throws Exception {
    mvc.perform(post("/logout").session(session).with(csrf()));
  }

  @Test
  void ownClinicIsVisible() throws Exception {
    mvc.perform(get("/facilities/" + ownClinic).session(session)).andExpect(status().isOk());
  }

  @Test
  void anotherClinicAnswersNotFoundOnPagesAndApi() throws Exception {
    mvc.perform(get("/facilities/" + otherClinic).session(session))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/facilities/" + otherClinic).session(session))
        .andExpect(status().isNotFound());
    mvc.perform(get("/staff/" + otherStaff).session(session)).andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/staff/" + otherStaff).session(session))
        .andExpect(status().isNotFound());
  }

  @Test
  void listsHoldOnlyTheOwnClinic() throws Exception {
    String facilities =
        mvc.perform(get("/api/v1/facilities").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(facilities).contains(ownClinic).doesNotContain(otherClinic);
    String staff =
        mvc.perform(get("/api/v1/staff").param("facility", otherClinic).session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(staff).doesNotContain(otherClinic);
  }
}
