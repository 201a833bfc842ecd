package org.countyhealth.residents.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.domain.ResidentDirectory;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The registration form, with a duplicate warning while typing (htmx, debounced). */
@Controller
class RegistrationPages {

  private final CurrentActor currentActor;
  private final ResidentRegistry registry;
  private final ResidentDirectory directory;
  private final AuditTrail auditTrail;

  RegistrationPages(
      CurrentActor currentActor,
      ResidentRegistry registry,
      ResidentDirectory directory,
      AuditTrail auditTrail) {
    this.currentActor = currentActor;
    this.registry = registry;
    this.directory = directory;
    this.auditTrail = auditTrail;
  }

  @GetMapping("/residents/new")
  String form(Model model) {
    Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    model.addAttribute("form", RegistrationForm.empty());
    model.addAttribute("errors", Map.of());
    return "residents/new";
  }

  @PostMapping("/residents/new")
  String register(
      @ModelAttribute("form") RegistrationForm form, Model model, HttpServletResponse response) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    try {
      RegistrationOutcome outcome = registry.register(form.toRequest(actor));
      auditTrail.describe("RESIDENT_REGISTER", "Resident", String.valueOf(outcome.residentId()));
      return "redirect:/residents/" + outcome.residentId() + "?registered=" + outcome.outcome();
    } catch (BusinessException e) {
      response.setStatus(422);
      model.addAttribute("errors", Map.of(e.field() == null ? "form" : e.field(), e.getMessage()));
      return "residents/new";
    }
  }

  /** The duplicate warning fragment: what a registration would decide, nothing written. */
  @PostMapping("/residents/new/check")
  String check(@ModelAttribute("form") RegistrationForm form, Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    if (form.readyToMatch()) {
      try {
        RegistrationOutcome preview = registry.preview(form.toRequest(actor));
        model.addAttribute("preview", preview);
        Long candidate =
            preview.residentId() > 0 ? Long.valueOf(preview.residentId()) : preview.candidateId();
        if (candidate != null && directory.inScope(candidate, actor.scope())) {
          model.addAttribute("candidate", directory.details(candidate).orElse(null));
        }
      } catch (BusinessException e) {
        model.addAttribute("problem", e.getMessage());
      }
    }
    return "residents/new :: warning";
  }
}
