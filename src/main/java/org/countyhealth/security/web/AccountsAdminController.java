package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.StaffSummary;
import org.countyhealth.security.Accounts.NewAccount;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;
import org.countyhealth.security.config.AccountSessions;
import org.countyhealth.security.domain.AccountDirectory;
import org.countyhealth.security.domain.AccountRecord;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Account administration within the administrator's data scope (ACCOUNT_MANAGE). */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
class AccountsAdminController {

  private final CurrentActor currentActor;
  private final AccountDirectory accounts;
  private final Facilities facilities;
  private final AuditTrail audit;
  private final Clock clock;
  private final AccountSessions accountSessions;

  AccountsAdminController(
      CurrentActor currentActor,
      AccountDirectory accounts,
      Facilities facilities,
      AuditTrail audit,
      Clock clock,
      AccountSessions accountSessions) {
    this.accountSessions = accountSessions;
    this.currentActor = currentActor;
    this.accounts = accounts;
    this.facilities = facilities;
    this.audit = audit;
    this.clock = clock;
  }

  /** The creation form; bound by Spring, never an entity. */
  record AccountForm(
      String username, String password, Long staffId, Set<Role> roles, ScopeKind scope) {}

  /** One row of the list. */
  record AccountRow(
      long id,
      String username,
      String staffName,
      String facilityCode,
      String roles,
      String scope,
      boolean enabled,
      boolean locked,
      String lastLogin,
      String disabledReason) {}

  @GetMapping("/accounts")
  String list(Model model) {
    return page(model, new AccountForm("", "", null, Set.of(), ScopeKind.OWN_FACILITY), Map.of());
  }

  @PostMapping("/accounts")
  String create(
      @ModelAttribute("form") AccountForm form,
      BindingResult binding,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor admin = currentActor.require();
    if (binding.hasErrors()) {
      response.setStatus(422);
      return page(model, form, Map.of("staffId", "人员编号须为数字"));
    }
    try {
      long id =
          accounts.createBy(
              admin,
              new NewAccount(
                  form.username(),
                  form.password(),
                  form.staffId() == null ? -1 : form.staffId(),
                  form.roles() == null ? Set.of() : form.roles(),
                  form.scope(),
                  false));
      audit.describe("ACCOUNT_CREATE", "Account", Long.toString(id));
    } catch (BusinessException e) {
      response.setStatus(422);
      return page(model, form, Map.of(e.field() != null ? e.field() : "username", e.getMessage()));
    }
    redirect.addFlashAttribute("message", "已创建账号 " + form.username() + "，首次登录时须修改密码。");
    return "redirect:/accounts";
  }

  @PostMapping("/accounts/{id}/unlock")
  String unlock(@PathVariable long id, RedirectAttributes redirect) {
    accounts.unlock(currentActor.require(), id);
    audit.describe("ACCOUNT_UNLOCK", "Account", Long.toString(id));
    redirect.addFlashAttribute("message", "账号已解锁。");
    return "redirect:/accounts";
  }

  @PostMapping("/accounts/{id}/disable")
  String disable(@PathVariable long id, RedirectAttributes redirect) {
    String username = accounts.disable(currentActor.require(), id);
    audit.describe("ACCOUNT_DISABLE", "Account", Long.toString(id));
    int ended = accountSessions.endAll(username, "");
    redirect.addFlashAttribute("message", ended > 0 ? "账号已停用，其 " + ended + " 个在线会话已结束。" : "账号已停用。");
    return "redirect:/accounts";
  }

  @PostMapping("/accounts/{id}/enable")
  String enable(@PathVariable long id, RedirectAttributes redirect) {
    accounts.enable(currentActor.require(), id);
    audit.describe("ACCOUNT_ENABLE", "Account", Long.toString(id));
    redirect.addFlashAttribute("message", "账号已启用。");
    return "redirect:/accounts";
  }

  private String page(Model model, AccountForm form, Map<String, String> errors) {
    Actor admin = currentActor.require();
    Instant now = clock.instant();
    List<AccountRow> rows = accounts.visibleTo(admin).stream().map(a -> row(a, now)).toList();
    model.addAttribute("accounts", rows);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("roles", EnumSet.allOf(Role.class));
    model.addAttribute("scopes", EnumSet.allOf(ScopeKind.class));
    return "security/accounts";
  }

  private AccountRow row(AccountRecord account, Instant now) {
    String staffName = facilities.findStaff(account.staffId()).map(StaffSummary::name).orElse("—");
    return new AccountRow(
        account.id(),
        account.username(),
        staffName,
        account.facilityCode(),
        account.roles().stream().map(Role::label).sorted().collect(Collectors.joining("、")),
        account.scope().label(),
        account.enabled(),
        account.lockedAt(now),
        Times.format(account.lastLoginAt()),
        account.disabledReason());
  }
}
