package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.config.AccountSessions;
import org.countyhealth.security.config.PasswordChangeGate;
import org.countyhealth.security.domain.AccountDirectory;
import org.countyhealth.security.domain.LoginEvents;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The signed-in user's own account: login history (000_65944b5c5b97f013.txt line 1892), open
 * sessions with a button to end each, and the password change.
 */
@Controller
class OwnAccountController {

  private static final int HISTORY = 50;

  private final CurrentActor currentActor;
  private final LoginEvents loginEvents;
  private final AccountDirectory accounts;
  private final AuditTrail audit;
  private final AccountSessions accountSessions;

  OwnAccountController(
      CurrentActor currentActor,
      LoginEvents loginEvents,
      AccountDirectory accounts,
      AuditTrail audit,
      AccountSessions accountSessions) {
    this.accountSessions = accountSessions;
    this.currentActor = currentActor;
    this.loginEvents = loginEvents;
    this.accounts = accounts;
    this.audit = audit;
  }

  /** One open session as the page shows it: never the session id itself, only a digest of it. */
  record OpenSession(String handle, Instant lastRequest, boolean current) {
    public String lastRequestText() {
      return Times.format(lastRequest);
    }
  }

  /** One line of the login history. */
  record HistoryRow(String at, boolean success, String outcome, String clientAddress) {}

  @GetMapping("/account")
  String account(HttpServletRequest request, Model model) {
    Actor actor = currentActor.require();
    model.addAttribute(
        "history",
        loginEvents.latest(actor.accountId(), HISTORY).stream()
            .map(
                e ->
                    new HistoryRow(
                        Times.format(e.occurredAt()),
                        e.success(),
                        e.reason().label(),
                        e.clientAddress()))
            .toList());
    model.addAttribute("sessions", openSessions(request));
    return "security/account";
  }

  @PostMapping("/account/sessions/{handle}/end")
  String endSession(
      @PathVariable String handle,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    Actor actor = currentActor.require();
    Optional<SessionInformation> target =
        ownSessions().stream().filter(s -> handle(s.getSessionId()).equals(handle)).findFirst();
    if (target.isEmpty()) {
      redirect.addFlashAttribute("message", "该会话已结束。");
      return "redirect:/account";
    }
    audit.describe("SESSION_END", "Account", actor.username());
    HttpSession current = request.getSession(false);
    if (current != null && current.getId().equals(target.get().getSessionId())) {
      accountSessions.forget(current.getId());
      new SecurityContextLogoutHandler()
          .logout(request, response, SecurityContextHolder.getContext().getAuthentication());
      return "redirect:/login?logout";
    }
    target.get().expireNow();
    redirect.addFlashAttribute("message", "已结束所选会话，该处需要重新登录。");
    return "redirect:/account";
  }

  @GetMapping("/account/password")
  String passwordForm(HttpServletRequest request, Model model) {
    currentActor.require();
    model.addAttribute("required", mustChange(request));
    model.addAttribute("errors", Map.of());
    return "security/password";
  }

  @PostMapping("/account/password")
  String changePassword(
      PasswordForm form,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes redirect) {
    Actor actor = currentActor.require();
    try {
      accounts.changeOwnPassword(
          actor.accountId(), form.currentPassword(), form.newPassword(), form.confirmPassword());
    } catch (BusinessException e) {
      response.setStatus(422);
      model.addAttribute("required", mustChange(request));
      model.addAttribute(
          "errors", Map.of(e.field() != null ? e.field() : "newPassword", e.getMessage()));
      return "security/password";
    }
    audit.describe("PASSWORD_CHANGE", "Account", actor.username());
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(PasswordChangeGate.ATTRIBUTE);
    }
    int ended = accountSessions.endAll(actor.username(), session != null ? session.getId() : "");
    redirect.addFlashAttribute("message", ended > 0 ? "密码已修改，其他 " + ended + " 处登录已结束。" : "密码已修改。");
    return "redirect:/account";
  }

  /** The password form; the passwords are never put back into the page. */
  record PasswordForm(String currentPassword, String newPassword, String confirmPassword) {}

  private static boolean mustChange(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null
        && Boolean.TRUE.equals(session.getAttribute(PasswordChangeGate.ATTRIBUTE));
  }

  private List<SessionInformation> ownSessions() {
    return accountSessions.of(currentActor.require().username());
  }

  private List<OpenSession> openSessions(HttpServletRequest request) {
    HttpSession current = request.getSession(false);
    String currentId = current != null ? current.getId() : "";
    return ownSessions().stream()
        .map(
            s ->
                new OpenSession(
                    handle(s.getSessionId()),
                    s.getLastRequest().toInstant(),
                    s.getSessionId().equals(currentId)))
        .sorted(Comparator.comparing(OpenSession::lastRequest).reversed())
        .toList();
  }

  static String handle(String sessionId) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(sessionId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
