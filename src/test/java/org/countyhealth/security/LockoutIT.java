package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.countyhealth.security.SecurityTestSupport.PASSWORD;
import static org.countyhealth.security.SecurityTestSupport.freshAddress;
import static org.countyhealth.security.SecurityTestSupport.loginRequest;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.MovableClock;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.countyhealth.security.config.LoginAttributes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Lock after 5 failures for 15 minutes (000_65944b5c5b97f013.txt line 1890), against PostgreSQL.
 */
@IntegrationTest
class LockoutIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired MovableClock clock;
  @Autowired AuditProbe audit;

  Fixture fixture;

  @BeforeEach
  void facilities() {
    fixture = SecurityTestSupport.facilities(jdbc);
  }

  @AfterEach
  void realTime() {
    clock.reset();
  }

  @Test
  void fiveWrongPasswordsLockTheAccountForFifteenMinutes() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    RequestPostProcessor address = freshAddress();
    for (int i = 1; i <= 4; i++) {
      assertThat(message(attempt(user, "Wrong#password" + i, address))).isEqualTo("用户名或密码错误");
    }
    String fifth = message(attempt(user, "Wrong#password5", address));
    assertThat(fifth).contains("账号已锁定至").contains("北京时间");

    // Locked: even the right password is refused, with the same message.
    assertThat(message(attempt(user, PASSWORD, address))).isEqualTo(fifth);
    assertThat(failedAttempts(user)).isZero();

    clock.advance(Duration.ofMinutes(14));
    assertThat(message(attempt(user, PASSWORD, address))).contains("账号已锁定至");

    clock.advance(Duration.ofMinutes(1).plusSeconds(1));
    mvc.perform(loginRequest(user, PASSWORD).with(address)).andExpect(redirectedUrl("/"));
    assertThat(lockedUntil(user)).isNull();
  }

  @Test
  void successResetsTheFailedAttempts() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    RequestPostProcessor address = freshAddress();
    attempt(user, "Wrong#password1", address);
    attempt(user, "Wrong#password2", address);
    assertThat(failedAttempts(user)).isEqualTo(2);
    mvc.perform(loginRequest(user, PASSWORD).with(address)).andExpect(redirectedUrl("/"));
    assertThat(failedAttempts(user)).isZero();
    for (int i = 1; i <= 4; i++) {
      assertThat(message(attempt(user, "Wrong#again" + i, address))).isEqualTo("用户名或密码错误");
    }
  }

  @Test
  void unknownNamesAnswerExactlyLikeRealOnes() throws Exception {
    String ghost = SecurityTestSupport.uniqueName("nobody");
    RequestPostProcessor address = freshAddress();
    for (int i = 1; i <= 4; i++) {
      assertThat(message(attempt(ghost, "Wrong#password" + i, address))).isEqualTo("用户名或密码错误");
    }
    assertThat(message(attempt(ghost, "Wrong#password5", address))).contains("账号已锁定至");
    assertThat(message(attempt(ghost, "Wrong#password6", address))).contains("账号已锁定至");
    clock.advance(Duration.ofMinutes(15).plusSeconds(1));
    assertThat(message(attempt(ghost, "Wrong#password7", address))).isEqualTo("用户名或密码错误");
  }

  @Test
  void everyAttemptIsInTheLoginHistoryAndTheAuditTrailWithoutThePassword() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    RequestPostProcessor address = SecurityTestSupport.from("203.0.113.77");
    long mark = audit.mark();
    attempt(user, "Secret#wrong-2026", address);
    mvc.perform(loginRequest(user, PASSWORD).with(address)).andExpect(redirectedUrl("/"));

    List<Map<String, Object>> rows =
        jdbc.sql(
                "SELECT e.* FROM security.login_event e JOIN security.account a ON a.id ="
                    + " e.account_id WHERE a.username = ? ORDER BY e.id")
            .param(user)
            .query()
            .listOfRows();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0))
        .containsEntry("success", false)
        .containsEntry("reason", "BAD_CREDENTIALS")
        .containsEntry("client_address", "203.0.113.77");
    assertThat(rows.get(1)).containsEntry("success", true).containsEntry("reason", "SUCCESS");
    assertThat(rows.toString()).doesNotContain("Secret#wrong-2026").doesNotContain(PASSWORD);
    assertThat(audit.since(mark))
        .contains(
            new Event("LOGIN", "Account", user, AuditResult.REFUSED),
            new Event("LOGIN", "Account", user, AuditResult.SUCCESS));
  }

  private MvcResult attempt(String user, String password, RequestPostProcessor address)
      throws Exception {
    return mvc.perform(loginRequest(user, password).with(address))
        .andExpect(redirectedUrl("/login?error"))
        .andReturn();
  }

  private static String message(MvcResult result) {
    return (String) result.getRequest().getSession().getAttribute(LoginAttributes.ERROR);
  }

  private int failedAttempts(String user) {
    return jdbc.sql("SELECT failed_attempts FROM security.account WHERE username = ?")
        .param(user)
        .query(Integer.class)
        .single();
  }

  private Object lockedUntil(String user) {
    return jdbc.sql("SELECT locked_until FROM security.account WHERE username = ?")
        .param(user)
        .query((rs, row) -> rs.getObject(1))
        .list()
        .get(0);
  }
}
