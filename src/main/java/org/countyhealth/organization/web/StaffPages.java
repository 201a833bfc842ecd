package org.countyhealth.organization.web;

import jakarta.validation.Valid;
import java.util.Map;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.Title;
import org.countyhealth.organization.domain.OrganizationQueries;
import org.countyhealth.organization.domain.StaffQueries;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.domain.Views.StaffView;
import org.countyhealth.organization.domain.Views.TeamView;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff list and detail, family-doctor teams; all within the actor's data scope. */
@Controller
class StaffPages {

  static final int PAGE_SIZE = 20;

  private final CurrentActor currentActor;
  private final StaffQueries staffQueries;
  private final OrganizationQueries queries;
  private final OrganizationRegistry registry;

  StaffPages(
      CurrentActor currentActor,
      StaffQueries staffQueries,
      OrganizationQueries queries,
      OrganizationRegistry registry) {
    this.currentActor = currentActor;
    this.staffQueries = staffQueries;
    this.queries = queries;
    this.registry = registry;
  }

  @GetMapping("/staff")
  String staff(
      @RequestParam(required = false) String facility,
      @RequestParam(required = false) Profession profession,
      @RequestParam(required = false) String name,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    Actor actor = currentActor.require();
    model.addAttribute(
        "page", staffQueries.staff(actor.scope(), facility, profession, name, page, PAGE_SIZE));
    model.addAttribute("facility", facility);
    model.addAttribute("profession", profession);
    model.addAttribute("name", name);
    model.addAttribute("professions", Profession.values());
    model.addAttribute("facilities", queries.facilities(actor.scope(), null, null));
    return "organization/staff";
  }

  @GetMapping("/facilities/{code}/staff/new")
  String newStaff(@PathVariable String code, Model model) {
    Actor actor = requireManager();
    return staffForm(actor, code, StaffForm.empty(), Map.of(), model);
  }

  @PostMapping("/facilities/{code}/staff")
  String addStaff(
      @PathVariable String code,
      @Valid @ModelAttribute("form") StaffForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Actor actor = requireManager();
    FacilityView facility = queries.facility(actor.scope(), code);
    if (binding.hasErrors()) {
      return staffForm(actor, code, form, FormErrors.of(binding), model);
    }
    long id;
    try {
      id = registry.addStaff(form.toNew(facility.licenceCode()));
    } catch (BusinessException e) {
      return staffForm(actor, code, form, FormErrors.of(e, StaffForm.FIELDS), model);
    }
    redirect.addFlashAttribute("notice", "已登记人员：" + form.name().strip());
    return "redirect:/staff/" + id;
  }

  private String staffForm(
      Actor actor, String code, StaffForm form, Map<String, String> errors, Model model) {
    model.addAttribute("facility", queries.facility(actor.scope(), code));
    model.addAttribute("departments", queries.departments(actor.scope(), code));
    model.addAttribute("professions", Profession.values());
    model.addAttribute("titles", Title.values());
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "organization/staff-form";
  }

  private Actor requireManager() {
    Actor actor = currentActor.require();
    if (!actor.can("STAFF_MANAGE")) {
      throw new AccessDenied("ACCESS_DENIED", "您没有维护人员的权限");
    }
    return actor;
  }

  @GetMapping("/staff/{id}")
  String member(@PathVariable long id, Model model) {
    Actor actor = currentActor.require();
    model.addAttribute("member", staffQueries.staffMember(actor.scope(), id));
    return "organization/staff-member";
  }

  @PostMapping("/staff/{id}/deactivate")
  String deactivate(@PathVariable long id, RedirectAttributes redirect) {
    Actor actor = requireManager();
    StaffView member = staffQueries.staffMember(actor.scope(), id);
    registry.deactivateStaff(member.id());
    redirect.addFlashAttribute("notice", "已停用：" + member.name());
    return "redirect:/staff/" + id;
  }

  @GetMapping("/teams")
  String teams(@RequestParam(required = false) String facility, Model model) {
    Actor actor = currentActor.require();
    model.addAttribute("teams", staffQueries.teams(actor.scope(), facility));
    model.addAttribute("facility", facility);
    return "organization/teams";
  }

  @GetMapping("/teams/{id}")
  String team(@PathVariable long id, Model model) {
    Actor actor = currentActor.require();
    TeamView team = staffQueries.team(actor.scope(), id);
    model.addAttribute("team", team);
    model.addAttribute("members", staffQueries.members(team));
    return "organization/team";
  }
}
