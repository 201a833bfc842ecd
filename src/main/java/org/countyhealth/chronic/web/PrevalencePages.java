package org.countyhealth.chronic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.domain.PrevalenceEstimates;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The estimated prevalence behind 管理率 with its history: each estimate applies from a date, and a
 * period uses the one in force on its last day.
 */
@Controller
class PrevalencePages {

  private final CurrentActor actors;
  private final PrevalenceEstimates estimates;

  PrevalencePages(CurrentActor actors, PrevalenceEstimates estimates) {
    this.actors = actors;
    this.estimates = estimates;
  }

  public record EstimateForm(
      Disease disease,
      BigDecimal percent,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom) {}

  @GetMapping("/chronic/prevalence")
  String page(Model model) {
    actors.require();
    return render(model, Map.of(), new EstimateForm(Disease.HYPERTENSION, null, LocalDate.now()));
  }

  @PostMapping("/chronic/prevalence")
  String set(@ModelAttribute EstimateForm form, BindingResult binding, Model model) {
    if (binding.hasErrors()) {
      String field = binding.getFieldErrors().get(0).getField();
      return render(
          model, Map.of(field, "请填写有效的" + ("percent".equals(field) ? "患病率" : "日期")), form);
    }
    if (form.disease() == null) {
      return render(model, Map.of("disease", "请选择病种"), form);
    }
    try {
      estimates.set(actors.require(), form.disease(), form.percent(), form.effectiveFrom());
    } catch (BusinessException e) {
      if (e.status() == 403) {
        throw e;
      }
      return render(model, Map.of(e.field() == null ? "global" : e.field(), e.getMessage()), form);
    }
    return "redirect:/chronic/prevalence";
  }

  private String render(Model model, Map<String, String> errors, EstimateForm form) {
    model.addAttribute("history", estimates.history());
    model.addAttribute("current", estimates.all());
    model.addAttribute("errors", errors);
    model.addAttribute("form", form);
    model.addAttribute("diseases", Disease.values());
    return "chronic/prevalence";
  }
}
