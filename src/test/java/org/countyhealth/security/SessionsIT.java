package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countyhealth.security.SecurityTestSupport.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.countyhealth.IntegrationTest;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Session caps (line 1894) and the user's own sessions and login history (line 1892). */
@IntegrationTest
class SessionsIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  Fixture fixture;

  @BeforeEach
  void facilities() {
    fixture = SecurityTestSupport.facilities(jdbc);
  }

  @Test
  void aThirdSessionOfOneAccountGetsTheSessionsFullPage() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession first = SecurityTestSupport.login(mvc, user, PASSWORD);
    SecurityTestSupport.login(mvc, user, PASSWORD);
    mvc.perform(
            SecurityTestSupport.loginRequest(user, PASSWORD)
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(redirectedUrl("/login/sessions-full?reason=ACCOUNT_FULL"));
    mvc.perform(get("/login/sessions-full").param("reason", "ACCOUNT_FULL"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("您的账号同时在线数已达上限")));

    // Logging out frees a place.
    mvc.perform(post("/logout").session(first).with(csrf()));
    mvc.perform(
            SecurityTestSupport.loginRequest(user, PASSWORD)
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(redirectedUrl("/"));
  }

  @Test
  void aUserSeesTheirHistoryAndEndsAnotherSession() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession office = SecurityTestSupport.login(mvc, user, PASSWORD);
    MockHttpSession home = SecurityTestSupport.login(mvc, user, PASSWORD);

    String page =
        mvc.perform(get("/account").session(office))
            .andExpect(status().isOk())
            .andExpect(content().string(containsString("最近 50 次登录记录")))
            .andExpect(content().string(containsString("登录成功")))
            .andExpect(content().string(containsString("当前会话")))
            .andReturn()
            .getResponse()
            .getContentAsString();

    Matcher ends = Pattern.compile("/account/sessions/([0-9a-f]{16})/end").matcher(page);
    String other = null;
    while (ends.find()) {
      if (!page.substring(ends.start() - 400, ends.start()).contains("当前会话")) {
        other = ends.group(1);
      }
    }
    assertThat(other).isNotNull();
    mvc.perform(post("/account/sessions/" + other + "/end").session(office).with(csrf()))
        .andExpect(redirectedUrl("/account"));
    mvc.perform(get("/").session(home)).andExpect(redirectedUrl("/login?ended"));
    mvc.perform(get("/").session(office)).andExpect(status().isOk());
  }
}
