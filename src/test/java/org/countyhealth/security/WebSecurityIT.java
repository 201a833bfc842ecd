package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countyhealth.security.SecurityTestSupport.PASSWORD;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.countyhealth.IntegrationTest;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/** Headers, the API's 401, CSRF, the login page, idle timeout, data scope of the actor. */
@IntegrationTest
class WebSecurityIT {

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src"
          + " 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'; object-src"
          + " 'none'";

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  Fixture fixture;

  @BeforeEach
  void facilities() {
    fixture = SecurityTestSupport.facilities(jdbc);
  }

  @Test
  void pagesCarryTheSecurityHeaders() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Security-Policy", CSP))
        .andExpect(header().string("X-Content-Type-Options", "nosniff"))
        .andExpect(header().string("X-Frame-Options", "DENY"))
        .andExpect(header().string("Referrer-Policy", "same-origin"))
        .andExpect(header().string("Cache-Control", containsString("no-store")));
    // Static files may be cached: the township link is slow.
    mvc.perform(get("/css/app.css"))
        .andExpect(status().isOk())
        .andExpect(header().string("Cache-Control", "max-age=3600"));
  }

  @Test
  void theLoginPageIsChineseWithCsrfAndAutofocus() throws Exception {
    mvc.perform(get("/login"))
        .andExpect(content().string(containsString("用户名")))
        .andExpect(content().string(containsString("name=\"_csrf\"")))
        .andExpect(content().string(containsString("autofocus")));
  }

  @Test
  void pagesNeedALoginAndTheApiAnswers401ProblemDetails() throws Exception {
    mvc.perform(get("/")).andExpect(redirectedUrl("/login"));
    mvc.perform(get("/api/v1/facilities"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", containsString("application/problem+json")))
        .andExpect(jsonPath("$.code").value("AUTH_REQUIRED"))
        .andExpect(jsonPath("$.status").value(401))
        .andExpect(jsonPath("$.detail").value("请先登录"));
    mvc.perform(get("/actuator/health")).andExpect(status().isOk());
  }

  @Test
  void postsWithoutCsrfTokenAreRefused() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession session = SecurityTestSupport.login(mvc, user, PASSWORD);
    mvc.perform(post("/api/v1/anything").session(session))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.code").value("CSRF_INVALID"));
    mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
    mvc.perform(post("/logout").session(session).with(csrf()))
        .andExpect(redirectedUrl("/login?logout"));
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
  }

  @Test
  void sessionsEndAfterThirtyIdleMinutes() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession session = SecurityTestSupport.login(mvc, user, PASSWORD);
    assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
  }

  @Test
  void theActorsScopeFollowsTheScopeKind() throws Exception {
    String own =
        SecurityTestSupport.account(
            accounts, fixture.townshipStaff(), true, Role.FAMILY_DOCTOR, ScopeKind.OWN_FACILITY);
    String children =
        SecurityTestSupport.account(
            accounts,
            fixture.townshipStaff(),
            true,
            Role.FAMILY_DOCTOR,
            ScopeKind.FACILITY_AND_CHILDREN);
    String all =
        SecurityTestSupport.account(
            accounts, fixture.townshipStaff(), true, Role.SUPERVISOR, ScopeKind.WHOLE_CONSORTIUM);
    assertThat(actor(own).scope().licenceCodes()).containsExactly(fixture.township());
    assertThat(actor(children).scope().licenceCodes())
        .containsExactlyInAnyOrder(fixture.township(), fixture.village());
    assertThat(actor(all).scope().all()).isTrue();
    org.countyhealth.shared.Actor actor = actor(own);
    assertThat(actor.privileges()).contains("RESIDENT_EDIT").doesNotContain("ACCOUNT_MANAGE");
    assertThat(actor.displayName()).isEqualTo("王医生");
  }

  private org.countyhealth.shared.Actor actor(String user) throws Exception {
    MockHttpSession session = SecurityTestSupport.login(mvc, user, PASSWORD);
    org.springframework.security.core.context.SecurityContext context =
        (org.springframework.security.core.context.SecurityContext)
            session.getAttribute("SPRING_SECURITY_CONTEXT");
    assertThat(context.getAuthentication().getAuthorities().toString()).contains("ROLE_");
    return ((ActorPrincipal) context.getAuthentication().getPrincipal()).actor();
  }
}
