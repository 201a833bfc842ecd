package org.countyhealth.organization.web;

import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.domain.OrganizationQueries;
import org.countyhealth.organization.domain.StaffQueries;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.DataScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Facility tree, detail and forms; everything read within the actor's data scope. */
@Controller
class FacilityPages {

  private final CurrentActor currentActor;
  private final OrganizationQueries queries;
  private final StaffQueries staffQueries;
  private final OrganizationRegistry registry;

  FacilityPages(
      CurrentActor currentActor,
      OrganizationQueries queries,
      StaffQueries staffQueries,
      OrganizationRegistry registry) {
    this.currentActor = currentActor;
    this.queries = queries;
    this.staffQueries = staffQueries;
    this.registry = registry;
  }

  @GetMapping("/facilities")
  String tree(
      @RequestParam(required = false) FacilityType type,
      @RequestParam(required = false) String name,
      Model model) {
    DataScope scope = currentActor.require().scope();
    boolean filtered = type != null || (name != null && !name.isBlank());
    List<FacilityView> facilities = queries.facilities(scope, type, name);
    model.addAttribute("filtered", filtered);
    model.addAttribute("type", type);
    model.addAttribute("name", name);
    model.addAttribute("types", FacilityType.values());
    model.addAttribute("facilities", facilities);
    if (!filtered) {
      model.addAttribute("tree", FacilityTree.of(facilities, queries.grids(scope)));
    }
    return "organization/facilities";
  }

  @GetMapping("/facilities/{code}")
  String detail(@PathVariable String code, Model model) {
    Actor actor = currentActor.require();
    FacilityView facility = queries.facility(actor.scope(), code);
    model.addAttribute("facility", facility);
    model.addAttribute("children", queries.children(actor.scope(), code));
    model.addAttribute("departments", queries.departments(actor.scope(), code));
    if (actor.can("STAFF_VIEW")) {
      model.addAttribute("staff", staffQueries.staff(actor.scope(), code, null, null, 0, 50));
      model.addAttribute("teams", staffQueries.teams(actor.scope(), code));
    }
    return "organization/facility";
  }

  @GetMapping("/facilities/new")
  String newForm(@RequestParam(required = false) String parent, Model model) {
    Actor actor = requireManager();
    return form(actor, FacilityForm.empty(parent), Map.of(), model);
  }

  @PostMapping("/facilities")
  String create(
      @Valid @ModelAttribute("form") FacilityForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Actor actor = requireManager();
    if (binding.hasErrors()) {
      return form(actor, form, FormErrors.of(binding), model);
    }
    try {
      parentInScope(actor.scope(), form.parentCode());
      registry.registerFacility(form.toNew());
    } catch (BusinessException e) {
      return form(actor, form, FormErrors.of(e, FacilityForm.FIELDS), model);
    }
    redirect.addFlashAttribute("notice", "已登记机构：" + form.name().strip());
    return "redirect:/facilities/" + form.licenceCode().strip().toUpperCase(java.util.Locale.ROOT);
  }

  @GetMapping("/facilities/{code}/edit")
  String editForm(@PathVariable String code, Model model) {
    Actor actor = requireManager();
    FacilityView facility = queries.facility(actor.scope(), code);
    return edit(actor, facility, FacilityEditForm.of(facility), Map.of(), model);
  }

  @PostMapping("/facilities/{code}")
  String update(
      @PathVariable String code,
      @Valid @ModelAttribute("form") FacilityEditForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes redirect) {
    Actor actor = requireManager();
    FacilityView facility = queries.facility(actor.scope(), code);
    if (binding.hasErrors()) {
      return edit(actor, facility, form, FormErrors.of(binding), model);
    }
    try {
      if (!java.util.Objects.equals(blankToNull(form.parentCode()), facility.parentCode())) {
        parentInScope(actor.scope(), form.parentCode());
      }
      registry.updateFacility(facility.licenceCode(), form.toChange());
    } catch (BusinessException e) {
      return edit(actor, facility, form, FormErrors.of(e, FacilityEditForm.FIELDS), model);
    }
    redirect.addFlashAttribute("notice", "已保存修改");
    return "redirect:/facilities/" + facility.licenceCode();
  }

  private String form(Actor actor, FacilityForm form, Map<String, String> errors, Model model) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    choices(actor, model);
    return "organization/facility-form";
  }

  private String edit(
      Actor actor,
      FacilityView facility,
      FacilityEditForm form,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("facility", facility);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    choices(actor, model);
    // The current parent may lie outside the scope (a centre's manager sees no lead hospital).
    if (facility.parentCode() != null && !actor.scope().includes(facility.parentCode())) {
      List<FacilityView> parents =
          new java.util.ArrayList<>(
              List.of(queries.facility(DataScope.consortium(), facility.parentCode())));
      @SuppressWarnings("unchecked")
      List<FacilityView> inScope = (List<FacilityView>) model.getAttribute("parents");
      parents.addAll(inScope);
      model.addAttribute("parents", parents);
    }
    return "organization/facility-edit";
  }

  private void choices(Actor actor, Model model) {
    model.addAttribute("types", FacilityType.values());
    model.addAttribute(
        "parents",
        queries.facilities(actor.scope(), null, null).stream()
            .filter(f -> f.type().member() && f.type() != FacilityType.VILLAGE_CLINIC)
            .toList());
    model.addAttribute("grids", queries.grids(DataScope.consortium()));
    model.addAttribute("divisions", queries.divisions());
  }

  /** A parent outside the scope is reported like an unknown one. */
  private void parentInScope(DataScope scope, String parentCode) {
    if (parentCode != null && !parentCode.isBlank() && !scope.includes(parentCode.strip())) {
      throw new BusinessException(
          "FACILITY_PARENT_UNKNOWN", "上级机构 " + parentCode.strip() + " 不存在", "parentCode");
    }
    if ((parentCode == null || parentCode.isBlank()) && !scope.all()) {
      throw new BusinessException("FACILITY_PARENT_REQUIRED", "请在您的数据范围内选择上级机构", "parentCode");
    }
  }

  static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private Actor requireManager() {
    Actor actor = currentActor.require();
    if (!actor.can("FACILITY_MANAGE")) {
      throw new AccessDenied("ACCESS_DENIED", "您没有维护机构的权限");
    }
    return actor;
  }
}
