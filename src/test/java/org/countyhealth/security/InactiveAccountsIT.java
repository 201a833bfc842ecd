package org.countyhealth.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.countyhealth.AuditProbe;
import org.countyhealth.AuditProbe.Event;
import org.countyhealth.IntegrationTest;
import org.countyhealth.MovableClock;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.security.SecurityTestSupport.Fixture;
import org.countyhealth.security.domain.InactiveAccounts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts unused for 90 days are disabled (000_65944b5c5b97f013.txt line 1891). */
@IntegrationTest
class InactiveAccountsIT {

  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired InactiveAccounts job;
  @Autowired MovableClock clock;
  @Autowired AuditProbe audit;

  @Test
  void disablesAccountsUnusedForMoreThanNinetyDays() {
    Fixture fixture = SecurityTestSupport.facilities(jdbc);
    long staff = fixture.villageStaff();
    String neverUsed91 = created(staff, 91, null);
    String neverUsed89 = created(staff, 89, null);
    String loggedIn91 = created(staff, 200, 91);
    String loggedIn89 = created(staff, 200, 89);

    long mark = audit.mark();
    var disabled = job.disableUnused();

    assertThat(enabled(neverUsed91)).isFalse();
    assertThat(enabled(loggedIn91)).isFalse();
    assertThat(enabled(neverUsed89)).isTrue();
    assertThat(enabled(loggedIn89)).isTrue();
    assertThat(disabled).contains(id(neverUsed91), id(loggedIn91));
    assertThat(audit.since(mark))
        .contains(
            new Event(
                "ACCOUNT_DISABLE_INACTIVE",
                "Account",
                Long.toString(id(neverUsed91)),
                AuditResult.SUCCESS));
    assertThat(
            jdbc.sql("SELECT disabled_reason FROM security.account WHERE username = ?")
                .param(neverUsed91)
                .query(String.class)
                .single())
        .contains("90 天未使用");
    // Running again changes nothing more.
    assertThat(job.disableUnused()).doesNotContain(id(neverUsed89), id(loggedIn89));
  }

  private String created(long staff, int daysAgo, Integer lastLoginDaysAgo) {
    String user =
        SecurityTestSupport.account(
            accounts, staff, true, Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY);
    LocalDateTime created = at(daysAgo);
    jdbc.sql(
            "UPDATE security.account SET created_at = ?, enabled_at = ?, last_login_at = ?"
                + " WHERE username = ?")
        .params(created, created, lastLoginDaysAgo == null ? null : at(lastLoginDaysAgo), user)
        .update();
    return user;
  }

  private LocalDateTime at(int daysAgo) {
    return LocalDateTime.ofInstant(clock.instant().minus(Duration.ofDays(daysAgo)), ZoneOffset.UTC);
  }

  private boolean enabled(String user) {
    return jdbc.sql("SELECT enabled FROM security.account WHERE username = ?")
        .param(user)
        .query(Boolean.class)
        .single();
  }

  private long id(String user) {
    return jdbc.sql("SELECT id FROM security.account WHERE username = ?")
        .param(user)
        .query(Long.class)
        .single();
  }
}
