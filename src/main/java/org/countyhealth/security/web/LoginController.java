package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.countyhealth.security.config.LoginAttributes;
import org.countyhealth.security.config.SecuritySettings;
import org.countyhealth.shared.CurrentActor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The login page and the page shown when sessions are full. */
@Controller
class LoginController {

  private final CurrentActor currentActor;
  private final SecuritySettings settings;
  private final Duration idleTimeout;

  LoginController(
      CurrentActor currentActor,
      SecuritySettings settings,
      @Value("${server.servlet.session.timeout:30m}") Duration idleTimeout) {
    this.currentActor = currentActor;
    this.settings = settings;
    this.idleTimeout = idleTimeout;
  }

  @GetMapping("/login")
  String login(HttpServletRequest request, Model model) {
    if (currentActor.get().isPresent()) {
      return "redirect:/";
    }
    HttpSession session = request.getSession(false);
    if (session != null && request.getParameter("error") != null) {
      model.addAttribute("error", session.getAttribute(LoginAttributes.ERROR));
      model.addAttribute("username", session.getAttribute(LoginAttributes.USERNAME));
    }
    if (session != null) {
      session.removeAttribute(LoginAttributes.ERROR);
      session.removeAttribute(LoginAttributes.USERNAME);
    }
    model.addAttribute("notice", notice(request));
    return "security/login";
  }

  private static String notice(HttpServletRequest request) {
    if (request.getParameter("logout") != null) {
      return "您已安全退出登录。";
    }
    if (request.getParameter("ended") != null) {
      return "该会话已被结束，请重新登录。";
    }
    if (request.getParameter("stale") != null) {
      return "页面已过期（可能因长时间未操作），请重新登录。";
    }
    return null;
  }

  @GetMapping("/login/sessions-full")
  String sessionsFull(@RequestParam(defaultValue = "ACCOUNT_FULL") String reason, Model model) {
    model.addAttribute("totalFull", "TOTAL_FULL".equals(reason));
    model.addAttribute("perAccount", settings.sessions().perAccount());
    model.addAttribute("idleMinutes", idleTimeout.toMinutes());
    return "security/sessions-full";
  }
}
