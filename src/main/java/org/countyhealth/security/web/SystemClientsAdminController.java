package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.Facilities;
import org.countyhealth.security.SystemClients;
import org.countyhealth.security.SystemClients.ClientSummary;
import org.countyhealth.security.SystemClients.NewClient;
import org.countyhealth.security.SystemClients.Registered;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * System clients (a member's HIS…) within the administrator's scope: register one with its public
 * JWK set (SMART Backend Services) and/or a secret (shown once, on the answer page, never again),
 * replace its keys, and revoke it (its tokens stop working at once).
 */
@Controller
@PreAuthorize("hasAuthority('ACCOUNT_MANAGE')")
class SystemClientsAdminController {

  private final CurrentActor currentActor;
  private final SystemClients clients;
  private final Facilities facilities;
  private final AuditTrail audit;

  SystemClientsAdminController(
      CurrentActor currentActor, SystemClients clients, Facilities facilities, AuditTrail audit) {
    this.currentActor = currentActor;
    this.clients = clients;
    this.facilities = facilities;
    this.audit = audit;
  }

  /** The registration form; {@code jwks}: the public JWK set for private_key_jwt, optional. */
  record ClientForm(
      String name,
      String facilityCode,
      Set<Privilege> privileges,
      String jwks,
      Boolean withSecret) {

    static ClientForm empty() {
      return new ClientForm("", "", Set.of(), "", false);
    }

    /** An unticked checkbox sends nothing. */
    boolean secretWanted() {
      return Boolean.TRUE.equals(withSecret);
    }
  }

  /** One row of the list. */
  record ClientRow(
      long id,
      String clientId,
      String name,
      String facility,
      String privileges,
      String authentication,
      String created,
      boolean revoked) {}

  @GetMapping("/system-clients")
  String list(Model model) {
    return page(model, ClientForm.empty(), Map.of(), null);
  }

  @PostMapping("/system-clients")
  String register(
      @ModelAttribute("form") ClientForm form, Model model, HttpServletResponse response) {
    Actor admin = currentActor.require();
    try {
      Registered registered =
          clients.register(
              admin,
              new NewClient(
                  form.name(),
                  form.facilityCode(),
                  form.privileges() == null ? Set.of() : form.privileges(),
                  form.jwks(),
                  form.secretWanted()));
      audit.describe("SYSTEM_CLIENT_REGISTER", "SystemClient", registered.clientId());
      // Shown on this answer only: no redirect, so the secret is never in a URL or a flash.
      response.setHeader("Cache-Control", "no-store");
      return page(model, ClientForm.empty(), Map.of(), registered);
    } catch (BusinessException e) {
      response.setStatus(422);
      // Every field the directory names (all empty ones at once), each beside its field.
      Map<String, String> errors =
          e.fields().isEmpty() ? Map.of("name", e.getMessage()) : e.fields();
      return page(model, form, errors, null);
    }
  }

  @PostMapping("/system-clients/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    clients.revoke(currentActor.require(), id);
    audit.describe("SYSTEM_CLIENT_REVOKE", "SystemClient", Long.toString(id));
    redirect.addFlashAttribute("message", "已吊销该系统客户端，其访问令牌立即失效。");
    return "redirect:/system-clients";
  }

  /**
   * Key rotation: the client's new public JWK set (blank removes it if the client has a secret).
   */
  @PostMapping("/system-clients/{id}/keys")
  String replaceKeys(
      @PathVariable long id,
      @RequestParam(name = "jwks", required = false) String jwks,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    audit.describe("SYSTEM_CLIENT_KEYS_REPLACE", "SystemClient", Long.toString(id));
    try {
      clients.replaceKeys(currentActor.require(), id, jwks);
    } catch (BusinessException e) {
      response.setStatus(422);
      model.addAttribute("keysClient", id);
      model.addAttribute("keysText", jwks);
      return page(model, ClientForm.empty(), Map.of("keys", e.getMessage()), null);
    }
    redirect.addFlashAttribute("message", "已更新该系统客户端的公钥。");
    return "redirect:/system-clients";
  }

  private String page(
      Model model, ClientForm form, Map<String, String> errors, Registered registered) {
    Actor admin = currentActor.require();
    List<ClientRow> rows = clients.visibleTo(admin).stream().map(this::row).toList();
    model.addAttribute("clients", rows);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("registered", registered);
    model.addAttribute("grantable", EnumSet.copyOf(SystemClients.GRANTABLE));
    model.addAttribute("facilities", facilities.visible(admin.scope()));
    return "security/system-clients";
  }

  private static String authentication(ClientSummary c) {
    String keys = c.keyIds().isEmpty() ? null : "公钥（kid：" + String.join("、", c.keyIds()) + "）";
    String secret = c.hasSecret() ? "密钥" : null;
    return keys != null && secret != null ? keys + "；" + secret : keys != null ? keys : secret;
  }

  private ClientRow row(ClientSummary c) {
    String facility =
        facilities
            .find(c.facilityCode())
            .map(f -> f.name() + "（" + f.licenceCode() + "）")
            .orElse(c.facilityCode());
    return new ClientRow(
        c.id(),
        c.clientId(),
        c.name(),
        facility,
        c.privileges().stream().map(Privilege::label).sorted().collect(Collectors.joining("、")),
        authentication(c),
        Times.format(c.createdAt()) + " " + c.createdBy(),
        c.revoked());
  }
}
