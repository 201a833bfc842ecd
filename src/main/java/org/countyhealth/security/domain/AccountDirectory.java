package org.countyhealth.security.domain;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.security.Accounts;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.rules.PasswordPolicy;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.NotFound;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts: creation (for the demo generator and the administrators' page), password changes, and
 * the administrators' unlock / disable / enable. Administrators act only within their data scope.
 */
@Service
@Transactional
public class AccountDirectory implements Accounts {

  private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,39}");

  private final AccountStore store;
  private final Facilities facilities;
  private final PasswordEncoder encoder;
  private final PasswordPolicy policy;
  private final Clock clock;

  AccountDirectory(
      AccountStore store,
      Facilities facilities,
      PasswordEncoder encoder,
      PasswordPolicy policy,
      Clock clock) {
    this.store = store;
    this.facilities = facilities;
    this.encoder = encoder;
    this.policy = policy;
    this.clock = clock;
  }

  @Override
  public long create(NewAccount account) {
    String username = AccountStore.normalize(account.username());
    if (!USERNAME.matcher(username).matches()) {
      throw new BusinessException(
          "ACCOUNT_USERNAME_INVALID", "用户名须为 3–40 位小写字母、数字或 . _ -，并以字母或数字开头", "username");
    }
    if (store.usernameTaken(username)) {
      throw new BusinessException("ACCOUNT_USERNAME_TAKEN", "该用户名已被使用", "username");
    }
    requireStrong(account.rawPassword(), username, "password");
    StaffSummary staff =
        facilities
            .findStaff(account.staffId())
            .orElseThrow(() -> new BusinessException("ACCOUNT_STAFF_UNKNOWN", "找不到该人员", "staffId"));
    if (!staff.active()) {
      throw new BusinessException("ACCOUNT_STAFF_INACTIVE", "该人员已停用，不能开设账号", "staffId");
    }
    if (account.roles() == null || account.roles().isEmpty()) {
      throw new BusinessException("ACCOUNT_ROLES_MISSING", "请至少选择一个角色", "roles");
    }
    if (account.scope() == null) {
      throw new BusinessException("ACCOUNT_SCOPE_MISSING", "请选择数据范围", "scope");
    }
    return store.insert(
        username,
        encoder.encode(account.rawPassword()),
        staff.id(),
        staff.facilityCode(),
        account.scope(),
        !account.demo(),
        account.demo(),
        account.roles(),
        clock.instant());
  }

  /** An administrator creates an account for a staff member of a facility within their scope. */
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public long createBy(Actor admin, NewAccount account) {
    Optional<StaffSummary> staff = facilities.findStaff(account.staffId());
    if (staff.isEmpty() || !admin.scope().includes(staff.get().facilityCode())) {
      throw new BusinessException("ACCOUNT_STAFF_UNKNOWN", "找不到该人员（或不在您的管理范围内）", "staffId");
    }
    if (account.scope() == ScopeKind.WHOLE_CONSORTIUM && !admin.scope().all()) {
      throw new BusinessException("ACCOUNT_SCOPE_TOO_WIDE", "不能授予超出您本人范围的数据范围", "scope");
    }
    return create(
        new NewAccount(
            account.username(),
            account.rawPassword(),
            account.staffId(),
            account.roles(),
            account.scope(),
            false));
  }

  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  @Transactional(readOnly = true)
  public List<AccountRecord> visibleTo(Actor admin) {
    return store.inScope(admin.scope());
  }

  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public void unlock(Actor admin, long accountId) {
    store.unlock(managed(admin, accountId).id());
  }

  /** Returns the user name of the disabled account, whose sessions the caller ends. */
  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public String disable(Actor admin, long accountId) {
    AccountRecord account = managed(admin, accountId);
    if (account.id() == admin.accountId()) {
      throw new BusinessException("ACCOUNT_DISABLE_SELF", "不能停用自己的账号");
    }
    store.disable(account.id(), "管理员 " + admin.username() + " 停用", clock.instant());
    return account.username();
  }

  @PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
  public void enable(Actor admin, long accountId) {
    store.enable(managed(admin, accountId).id(), clock.instant());
  }

  /** The signed-in user changes their own password. */
  public void changeOwnPassword(long accountId, String current, String next, String confirmation) {
    AccountRecord account =
        store.findById(accountId).orElseThrow(() -> new NotFound("ACCOUNT_NOT_FOUND", "账号不存在"));
    if (current == null || !encoder.matches(current, account.passwordHash())) {
      throw new BusinessException("PASSWORD_CURRENT_WRONG", "当前密码不正确", "currentPassword");
    }
    requireStrong(next, account.username(), "newPassword");
    if (next.equals(current)) {
      throw new BusinessException("PASSWORD_UNCHANGED", "新密码不能与当前密码相同", "newPassword");
    }
    if (!next.equals(confirmation)) {
      throw new BusinessException("PASSWORD_MISMATCH", "两次输入的新密码不一致", "confirmPassword");
    }
    store.changePassword(account.id(), encoder.encode(next), false, clock.instant());
  }

  private void requireStrong(String password, String username, String field) {
    List<String> problems = policy.violations(password, username);
    if (!problems.isEmpty()) {
      throw new BusinessException("PASSWORD_POLICY", String.join("；", problems), field);
    }
  }

  private AccountRecord managed(Actor admin, long accountId) {
    return store
        .findById(accountId)
        .filter(a -> admin.scope().includes(a.facilityCode()))
        .orElseThrow(() -> new NotFound("ACCOUNT_NOT_FOUND", "账号不存在或不在您的管理范围内"));
  }

  /** The facilities an account may see. */
  public DataScope scopeOf(ScopeKind kind, String facilityCode) {
    return switch (kind) {
      case OWN_FACILITY -> DataScope.of(List.of(facilityCode));
      case FACILITY_AND_CHILDREN -> DataScope.of(facilities.subtreeOf(facilityCode));
      case WHOLE_CONSORTIUM -> DataScope.consortium();
    };
  }

  /** The actor an account acts as once signed in. */
  @Transactional(readOnly = true)
  public Actor actorOf(AccountRecord account) {
    String name =
        facilities.findStaff(account.staffId()).map(StaffSummary::name).orElse(account.username());
    java.util.Set<String> privileges = new java.util.TreeSet<>();
    account.roles().forEach(r -> r.privileges().forEach(p -> privileges.add(p.name())));
    java.util.Set<String> roles = new java.util.TreeSet<>();
    account.roles().forEach(r -> roles.add(r.name()));
    return new Actor(
        account.id(),
        account.username(),
        name,
        account.staffId(),
        account.facilityCode(),
        roles,
        privileges,
        scopeOf(account.scope(), account.facilityCode()));
  }
}
