package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countyhealth.security.SecurityTestSupport.PASSWORD;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.countyhealth.IntegrationTest;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Change of the initial password at first login; demo accounts are exempt. */
@IntegrationTest
class FirstLoginIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  Fixture fixture;

  @BeforeEach
  void facilities() {
    fixture = SecurityTestSupport.facilities(jdbc);
  }

  @Test
  void aNewAccountMustChangeItsPasswordBeforeAnythingElse() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.townshipStaff(), false, Role.FAMILY_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession session =
        (MockHttpSession)
            mvc.perform(
                    SecurityTestSupport.loginRequest(user, PASSWORD)
                        .with(SecurityTestSupport.freshAddress()))
                .andExpect(redirectedUrl("/account/password"))
                .andReturn()
                .getRequest()
                .getSession(false);

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/account").session(session)).andExpect(redirectedUrl("/account/password"));
    mvc.perform(get("/api/v1/anything").session(session).accept(MediaType.APPLICATION_JSON))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
    mvc.perform(get("/account/password").session(session))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("首次登录须修改初始密码")));

    // A weak password is refused beside the field, and nothing changes.
    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", PASSWORD)
                .param("newPassword", "Admin@123456")
                .param("confirmPassword", "Admin@123456"))
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("该密码过于常见")));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/account/password"));

    mvc.perform(
            post("/account/password")
                .session(session)
                .with(csrf())
                .param("currentPassword", PASSWORD)
                .param("newPassword", "Qingshan*river2027")
                .param("confirmPassword", "Qingshan*river2027"))
        .andExpect(redirectedUrl("/account"));
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    assertThat(
            jdbc.sql("SELECT must_change_password FROM security.account WHERE username = ?")
                .param(user)
                .query(Boolean.class)
                .single())
        .isFalse();

    // The next login goes straight in, with the new password only.
    mvc.perform(
            SecurityTestSupport.loginRequest(user, "Qingshan*river2027")
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void changingThePasswordEndsTheOtherSessions() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.townshipStaff(), true, Role.FAMILY_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession here = SecurityTestSupport.login(mvc, user, PASSWORD);
    MockHttpSession elsewhere = SecurityTestSupport.login(mvc, user, PASSWORD);
    mvc.perform(
            post("/account/password")
                .session(here)
                .with(csrf())
                .param("currentPassword", PASSWORD)
                .param("newPassword", "Qingshan*river2028")
                .param("confirmPassword", "Qingshan*river2028"))
        .andExpect(redirectedUrl("/account"));
    mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login?ended"));
    mvc.perform(get("/").session(here)).andExpect(status().isOk());
  }

  @Test
  void demoAccountsSkipTheChange() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.townshipStaff(), true, Role.FAMILY_DOCTOR, ScopeKind.OWN_FACILITY);
    mvc.perform(
            SecurityTestSupport.loginRequest(user, PASSWORD)
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(redirectedUrl("/"));
  }
}
