package org.countyhealth.chronic.web;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.domain.Access;
import org.countyhealth.chronic.domain.ScreeningDesk;
import org.countyhealth.chronic.rules.HighRisk;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Marks a resident as high-risk (lines 126–131 hypertension, 193–194 diabetes). */
@Controller
class HighRiskPage {

  private final CurrentActor actors;
  private final Access access;
  private final ScreeningDesk screening;

  HighRiskPage(CurrentActor actors, Access access, ScreeningDesk screening) {
    this.actors = actors;
    this.access = access;
    this.screening = screening;
  }

  @GetMapping("/residents/{residentId}/chronic/high-risk")
  String form(@PathVariable long residentId, Model model) {
    Actor actor = actors.require();
    Access.require(actor, Privilege.CHRONIC_EDIT);
    access.resident(actor, residentId);
    return render(residentId, HighRiskForm.blank(), Map.of(), model);
  }

  @PostMapping("/residents/{residentId}/chronic/high-risk")
  String mark(
      @PathVariable long residentId,
      @ModelAttribute("form") HighRiskForm form,
      BindingResult binding,
      Model model,
      RedirectAttributes flash) {
    Actor actor = actors.require();
    Access.require(actor, Privilege.CHRONIC_EDIT);
    var resident = access.resident(actor, residentId);
    if (binding.hasErrors()) {
      Map<String, String> errors =
          binding.getFieldErrors().stream()
              .collect(
                  Collectors.toMap(
                      e -> e.getField(),
                      e -> "格式不正确，请重新填写",
                      (a, b) -> a,
                      java.util.LinkedHashMap::new));
      return render(residentId, form, errors, model);
    }
    Map<String, String> errors = form.errors(resident, LocalDate.now());
    if (!errors.isEmpty()) {
      return render(residentId, form, errors, model);
    }
    try {
      var factors =
          screening.markHighRisk(
              actor, residentId, form.disease(), form.profile(resident), form.measuredOn());
      String text =
          factors.isEmpty()
              ? "医生判定"
              : factors.stream().map(HighRisk.Factor::label).collect(Collectors.joining("、"));
      flash.addFlashAttribute("highRiskMessage", "已标记为" + form.disease().label() + "高危人群：" + text);
    } catch (BusinessException e) {
      if (e.status() == 403 || e.status() == 404) {
        throw e;
      }
      return render(
          residentId,
          form,
          Map.of(e.field() == null ? "factors" : e.field(), e.getMessage()),
          model);
    }
    return "redirect:/residents/" + residentId + "/chronic";
  }

  private String render(
      long residentId, HighRiskForm form, Map<String, String> errors, Model model) {
    model.addAttribute("residentId", residentId);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("factors", HighRisk.Factor.values());
    model.addAttribute("diseases", Disease.values());
    return "chronic/high-risk";
  }
}
