package org.countyhealth.security.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The account tables. Times are stored as UTC timestamps. */
@Repository
public class AccountStore {

  private static final String COLUMNS =
      "id, username, password_hash, staff_id, facility_code, scope_kind, enabled,"
          + " must_change_password, demo, failed_attempts, locked_until, last_login_at, created_at,"
          + " enabled_at, disabled_reason";

  private final JdbcClient jdbc;

  AccountStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public static String normalize(String username) {
    return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
  }

  public Optional<AccountRecord> findByUsername(String username) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security.account WHERE username = ?")
        .param(normalize(username))
        .query(this::account)
        .optional();
  }

  public Optional<AccountRecord> findById(long id) {
    return jdbc.sql("SELECT " + COLUMNS + " FROM security.account WHERE id = ?")
        .param(id)
        .query(this::account)
        .optional();
  }

  public boolean usernameTaken(String username) {
    return jdbc.sql("SELECT COUNT(*) FROM security.account WHERE username = ?")
            .param(normalize(username))
            .query(Long.class)
            .single()
        > 0;
  }

  /** Accounts of facilities within the scope, by user name. */
  public List<AccountRecord> inScope(DataScope scope) {
    if (!scope.all() && scope.licenceCodes().isEmpty()) {
      return List.of();
    }
    List<Object> params = new ArrayList<>(scope.licenceCodes());
    String where =
        scope.all()
            ? "TRUE"
            : "facility_code IN ("
                + String.join(",", java.util.Collections.nCopies(params.size(), "?"))
                + ")";
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM security.account WHERE " + where + " ORDER BY username")
        .params(params)
        .query(this::account)
        .list();
  }

  public long insert(
      String username,
      String passwordHash,
      long staffId,
      String facilityCode,
      ScopeKind scope,
      boolean mustChangePassword,
      boolean demo,
      Set<Role> roles,
      Instant now) {
    GeneratedKeyHolder keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO security.account (username, password_hash, staff_id, facility_code,"
                + " scope_kind, enabled, must_change_password, demo, failed_attempts,"
                + " password_changed_at, created_at, enabled_at)"
                + " VALUES (?, ?, ?, ?, ?, TRUE, ?, ?, 0, ?, ?, ?)")
        .params(
            normalize(username),
            passwordHash,
            staffId,
            facilityCode,
            scope.name(),
            mustChangePassword,
            demo,
            utc(now),
            utc(now),
            utc(now))
        .update(keys, "id");
    long accountId = keys.getKeyAs(Long.class);
    for (Role role : roles) {
      jdbc.sql("INSERT INTO security.account_role (account_id, role) VALUES (?, ?)")
          .params(accountId, role.name())
          .update();
    }
    return accountId;
  }

  public void recordFailure(long id, int failedAttempts, Instant lockedUntil) {
    jdbc.sql("UPDATE security.account SET failed_attempts = ?, locked_until = ? WHERE id = ?")
        .params(failedAttempts, utc(lockedUntil), id)
        .update();
  }

  public void recordSuccess(long id, Instant now) {
    jdbc.sql(
            "UPDATE security.account SET failed_attempts = 0, locked_until = NULL,"
                + " last_login_at = ? WHERE id = ?")
        .params(utc(now), id)
        .update();
  }

  public void changePassword(long id, String passwordHash, boolean mustChange, Instant now) {
    jdbc.sql(
            "UPDATE security.account SET password_hash = ?, must_change_password = ?,"
                + " password_changed_at = ? WHERE id = ?")
        .params(passwordHash, mustChange, utc(now), id)
        .update();
  }

  public void unlock(long id) {
    jdbc.sql("UPDATE security.account SET failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .param(id)
        .update();
  }

  public void disable(long id, String reason, Instant now) {
    jdbc.sql(
            "UPDATE security.account SET enabled = FALSE, disabled_at = ?, disabled_reason = ?"
                + " WHERE id = ? AND enabled")
        .params(utc(now), reason, id)
        .update();
  }

  public void enable(long id, Instant now) {
    jdbc.sql(
            "UPDATE security.account SET enabled = TRUE, enabled_at = ?, disabled_at = NULL,"
                + " disabled_reason = NULL, failed_attempts = 0, locked_until = NULL WHERE id = ?")
        .params(utc(now), id)
        .update();
  }

  /** Enabled accounts whose last use (login, else enabling) is before the cutoff. */
  public List<Long> unusedSince(Instant cutoff) {
    return jdbc.sql(
            "SELECT id FROM security.account WHERE enabled AND enabled_at < ?"
                + " AND (last_login_at IS NULL OR last_login_at < ?) ORDER BY id")
        .params(utc(cutoff), utc(cutoff))
        .query(Long.class)
        .list();
  }

  private AccountRecord account(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    Set<Role> roles = EnumSet.noneOf(Role.class);
    jdbc.sql("SELECT role FROM security.account_role WHERE account_id = ?")
        .param(id)
        .query(String.class)
        .list()
        .forEach(r -> roles.add(Role.valueOf(r)));
    return new AccountRecord(
        id,
        rs.getString("username"),
        rs.getString("password_hash"),
        rs.getLong("staff_id"),
        rs.getString("facility_code"),
        ScopeKind.valueOf(rs.getString("scope_kind")),
        rs.getBoolean("enabled"),
        rs.getBoolean("must_change_password"),
        rs.getBoolean("demo"),
        rs.getInt("failed_attempts"),
        instant(rs, "locked_until"),
        instant(rs, "last_login_at"),
        instant(rs, "created_at"),
        instant(rs, "enabled_at"),
        rs.getString("disabled_reason"),
        roles);
  }

  static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }
}
