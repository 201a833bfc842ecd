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

import org.countyhealth.IntegrationTest;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The accounts page: ACCOUNT_MANAGE only, within the administrator's scope. */
@IntegrationTest
class AccountsAdminIT {

  @Autowired MockMvc mvc;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  Fixture fixture;
  MockHttpSession admin;

  @BeforeEach
  void signInAsAdministrator() throws Exception {
    fixture = SecurityTestSupport.facilities(jdbc);
    String user =
        SecurityTestSupport.account(
            accounts,
            fixture.townshipStaff(),
            true,
            Role.SYSTEM_ADMIN,
            ScopeKind.FACILITY_AND_CHILDREN);
    admin = SecurityTestSupport.login(mvc, user, PASSWORD);
  }

  @Test
  void createsAnAccountThatMustChangeItsPassword() throws Exception {
    String username = SecurityTestSupport.uniqueName("new.doctor");
    create(fixture.villageStaff(), username, "Cunyi#Station2026", "VILLAGE_DOCTOR", "OWN_FACILITY")
        .andExpect(redirectedUrl("/accounts"));
    mvc.perform(get("/accounts").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString(username)))
        .andExpect(content().string(containsString("乡村医生")));
    assertThat(
            jdbc.sql(
                    "SELECT must_change_password AND NOT demo FROM security.account WHERE username"
                        + " = ?")
                .param(username)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void badInputIsExplainedBesideTheFieldAndChangesNothing() throws Exception {
    String username = SecurityTestSupport.uniqueName("weak");
    create(fixture.villageStaff(), username, "woaini1314", "VILLAGE_DOCTOR", "OWN_FACILITY")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("密码长度至少为 12 位")));
    create(
            fixture.villageStaff(),
            username,
            "Cunyi#Station2026",
            "VILLAGE_DOCTOR",
            "WHOLE_CONSORTIUM")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("不能授予超出您本人范围的数据范围")));
    assertThat(
            jdbc.sql("SELECT COUNT(*) FROM security.account WHERE username = ?")
                .param(username)
                .query(Long.class)
                .single())
        .isZero();
  }

  @Test
  void unlocksAndDisablesAccountsInScope() throws Exception {
    String user =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    long id =
        jdbc.sql("SELECT id FROM security.account WHERE username = ?")
            .param(user)
            .query(Long.class)
            .single();
    MockHttpSession before = SecurityTestSupport.login(mvc, user, PASSWORD);
    jdbc.sql("UPDATE security.account SET locked_until = ? WHERE id = ?")
        .params(java.time.LocalDateTime.now().plusYears(1), id)
        .update();
    mvc.perform(get("/accounts").session(admin)).andExpect(content().string(containsString("已锁定")));
    mvc.perform(post("/accounts/" + id + "/unlock").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/accounts"));
    mvc.perform(post("/accounts/" + id + "/disable").session(admin).with(csrf()))
        .andExpect(redirectedUrl("/accounts"));
    // The disabled account's open session ends at once.
    mvc.perform(get("/").session(before)).andExpect(redirectedUrl("/login?ended"));
    assertThat(
            jdbc.sql(
                    "SELECT enabled OR locked_until IS NOT NULL FROM security.account WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isFalse();
    mvc.perform(
            SecurityTestSupport.loginRequest(user, PASSWORD)
                .with(SecurityTestSupport.freshAddress()))
        .andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void accountsOutsideTheAdministratorsScopeAreInvisible() throws Exception {
    Fixture elsewhere = SecurityTestSupport.facilities(jdbc);
    String stranger =
        SecurityTestSupport.account(
            accounts, elsewhere.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    long id =
        jdbc.sql("SELECT id FROM security.account WHERE username = ?")
            .param(stranger)
            .query(Long.class)
            .single();
    mvc.perform(get("/accounts").session(admin))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString(stranger))));
    mvc.perform(post("/accounts/" + id + "/disable").session(admin).with(csrf()))
        .andExpect(status().isNotFound());
    create(
            elsewhere.townshipStaff(),
            SecurityTestSupport.uniqueName("outsider"),
            "Cunyi#Station2026",
            "FAMILY_DOCTOR",
            "OWN_FACILITY")
        .andExpect(status().isUnprocessableContent())
        .andExpect(content().string(containsString("找不到该人员")));
    assertThat(
            jdbc.sql("SELECT enabled FROM security.account WHERE id = ?")
                .param(id)
                .query(Boolean.class)
                .single())
        .isTrue();
  }

  @Test
  void theFacadeValidatesAndHashes() {
    String username = SecurityTestSupport.uniqueName("facade");
    long id =
        accounts.create(
            new Accounts.NewAccount(
                username,
                "Cunyi#Station2026",
                fixture.villageStaff(),
                java.util.Set.of(Role.VILLAGE_DOCTOR),
                ScopeKind.OWN_FACILITY,
                false));
    String hash =
        jdbc.sql("SELECT password_hash FROM security.account WHERE id = ?")
            .param(id)
            .query(String.class)
            .single();
    assertThat(hash).startsWith("{bcrypt}").doesNotContain("Cunyi#Station2026");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.countyhealth.shared.BusinessException.class,
                    () ->
                        accounts.create(
                            new Accounts.NewAccount(
                                username.toUpperCase(),
                                "Cunyi#Station2026",
                                fixture.villageStaff(),
                                java.util.Set.of(Role.VILLAGE_DOCTOR),
                                ScopeKind.OWN_FACILITY,
                                false)))
                .code())
        .isEqualTo("ACCOUNT_USERNAME_TAKEN");
    assertThat(
            org.assertj.core.api.Assertions.catchThrowableOfType(
                    org.countyhealth.shared.BusinessException.class,
                    () ->
                        accounts.create(
                            new Accounts.NewAccount(
                                SecurityTestSupport.uniqueName("ghost"),
                                "Cunyi#Station2026",
                                987654321L,
                                java.util.Set.of(Role.VILLAGE_DOCTOR),
                                ScopeKind.OWN_FACILITY,
                                false)))
                .code())
        .isEqualTo("ACCOUNT_STAFF_UNKNOWN");
  }

  @Test
  void otherRolesCannotManageAccounts() throws Exception {
    String doctor =
        SecurityTestSupport.account(
            accounts, fixture.villageStaff(), true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    MockHttpSession session = SecurityTestSupport.login(mvc, doctor, PASSWORD);
    mvc.perform(get("/accounts").session(session)).andExpect(status().isForbidden());
  }

  /** The account form, submitted by the administrator. */
  private ResultActions create(
      long staffId, String username, String password, String role, String scope) throws Exception {
    return mvc.perform(
        post("/accounts")
            .session(admin)
            .with(csrf())
            .param("staffId", Long.toString(staffId))
            .param("username", username)
            .param("password", password)
            .param("roles", role)
            .param("scope", scope));
  }
}
