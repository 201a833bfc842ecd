package org.countyhealth.security.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * System clients (a member's HIS…) within the administrator's scope: register one (its secret is
 * shown once, on the answer page, never again) and revoke it (its tokens stop working at once).
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

  /** The registration form. */
  record ClientForm(String name, String facilityCode, Set<Privilege> privileges) {}

  /** One row of the list. */
  record ClientRow(
      long id,
      String clientId,
      String name,
      String facility,
      String privileges,
      String created,
      boolean revoked) {}

  @GetMapping("/system-clients")
  String list(Model model) {
    return page(model, new ClientForm("", "", Set.of()), Map.of(), null);
  }

  @PostMapping("/system-clients")
  String register(
      @ModelAttribute("form") ClientForm form, Model model, HttpServletResponse response) {
    Actor admin = currentActor.require();
    Map<String, String> missing = missing(form);
    if (!missing.isEmpty()) {
      // Every empty field at once, each beside its field; the directory checks the rest.
      response.setStatus(422);
      return page(model, form, missing, null);
    }
    try {
      Registered registered =
          clients.register(
              admin,
              new NewClient(
                  form.name(),
                  form.facilityCode(),
                  form.privileges() == null ? Set.of() : form.privileges()));
      audit.describe("SYSTEM_CLIENT_REGISTER", "SystemClient", registered.clientId());
      // Shown on this answer only: no redirect, so the secret is never in a URL or a flash.
      response.setHeader("Cache-Control", "no-store");
      return page(model, new ClientForm("", "", Set.of()), Map.of(), registered);
    } catch (BusinessException e) {
      response.setStatus(422);
      return page(
          model, form, Map.of(e.field() != null ? e.field() : "name", e.getMessage()), null);
    }
  }

  @PostMapping("/system-clients/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    clients.revoke(currentActor.require(), id);
    audit.describe("SYSTEM_CLIENT_REVOKE", "SystemClient", Long.toString(id));
    redirect.addFlashAttribute("message", "已吊销该系统客户端，其访问令牌立即失效。");
    return "redirect:/system-clients";
  }

  private static Map<String, String> missing(ClientForm form) {
    Map<String, String> errors = new LinkedHashMap<>();
    if (form.name() == null || form.name().isBlank()) {
      errors.put("name", "请填写系统名称（1–100 个字）");
    }
    if (form.facilityCode() == null || form.facilityCode().isBlank()) {
      errors.put("facilityCode", "请选择所属机构");
    }
    if (form.privileges() == null || form.privileges().isEmpty()) {
      errors.put("privileges", "请至少授予一项接口权限");
    }
    return errors;
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
        Times.format(c.createdAt()) + " " + c.createdBy(),
        c.revoked());
  }
}
