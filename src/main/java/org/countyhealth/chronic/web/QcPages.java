package org.countyhealth.chronic.web;

import java.time.LocalDate;
import org.countyhealth.chronic.domain.QcIndicators;
import org.countyhealth.chronic.domain.QualityControl;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Quarterly quality control: the plan, each facility's sample and checks, the printable annexes.
 */
@Controller
class QcPages {

  private final CurrentActor actors;
  private final QualityControl qc;
  private final QcIndicators figures;

  QcPages(CurrentActor actors, QualityControl qc, QcIndicators figures) {
    this.actors = actors;
    this.qc = qc;
    this.figures = figures;
  }

  public record CheckForm(
      Long sampleId, Boolean authentic, Boolean conforming, Boolean controlled, String note) {}

  public record FirstVisitForm(Integer checkedCount, Integer measured) {}

  @GetMapping("/chronic/qc")
  String plans(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter,
      Model model) {
    LocalDate today = LocalDate.now();
    int y = year == null ? today.getYear() : year;
    int q =
        quarter == null || quarter < 1 || quarter > 4 ? (today.getMonthValue() + 2) / 3 : quarter;
    Actor actor = actors.require();
    var plans = qc.plans(actor, y, q);
    model.addAttribute("year", y);
    model.addAttribute("quarter", q);
    model.addAttribute("plans", plans);
    model.addAttribute("done", plans.stream().filter(p -> "DONE".equals(p.status())).count());
    model.addAttribute("figures", figures.quarter(actor, y, q, null));
    return "chronic/qc";
  }

  @PostMapping("/chronic/qc")
  String plan(@RequestParam int year, @RequestParam int quarter, RedirectAttributes flash) {
    try {
      int n = qc.planQuarter(actors.require(), year, quarter);
      flash.addFlashAttribute("message", "已生成 " + n + " 个被检查机构的质控计划");
    } catch (BusinessException e) {
      if (e.status() == 403) {
        throw e;
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/chronic/qc?year=" + year + "&quarter=" + quarter;
  }

  @GetMapping("/chronic/qc/{id}")
  String sample(@PathVariable long id, Model model) {
    Actor actor = actors.require();
    var plan = qc.plan(actor, id);
    model.addAttribute("plan", plan);
    model.addAttribute("samples", qc.samples(actor, id));
    model.addAttribute("figures", figures.quarter(actor, plan.year(), plan.quarter(), id));
    return "chronic/qc-plan";
  }

  @PostMapping("/chronic/qc/{id}/draw")
  String draw(@PathVariable long id, RedirectAttributes flash) {
    try {
      var plan = qc.draw(actors.require(), id, LocalDate.now());
      if (plan.shortfall() != null) {
        flash.addFlashAttribute("error", "部分配额无法满足：" + plan.shortfall());
      }
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/chronic/qc/" + id;
  }

  @PostMapping("/chronic/qc/{id}/check")
  String check(@PathVariable long id, @ModelAttribute CheckForm form, RedirectAttributes flash) {
    try {
      qc.check(
          actors.require(),
          id,
          form.sampleId() == null ? 0 : form.sampleId(),
          Boolean.TRUE.equals(form.authentic()),
          Boolean.TRUE.equals(form.conforming()),
          Boolean.TRUE.equals(form.controlled()),
          form.note() == null || form.note().isBlank() ? null : form.note().strip());
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/chronic/qc/" + id;
  }

  @PostMapping("/chronic/qc/{id}/first-visit")
  String firstVisit(
      @PathVariable long id, @ModelAttribute FirstVisitForm form, RedirectAttributes flash) {
    try {
      if (form.checkedCount() == null || form.measured() == null) {
        throw new BusinessException("QC_FIRST_VISIT_INVALID", "请填写抽查首诊人次和测血压人次");
      }
      qc.firstVisit(actors.require(), id, form.checkedCount(), form.measured());
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      flash.addFlashAttribute("firstVisitError", e.getMessage());
    }
    return "redirect:/chronic/qc/" + id;
  }

  @GetMapping("/chronic/qc/{id}/print")
  String print(@PathVariable long id, Model model) {
    sample(id, model);
    @SuppressWarnings("unchecked")
    var samples = (java.util.List<QualityControl.Sample>) model.getAttribute("samples");
    model.addAttribute(
        "htSamples", samples.stream().filter(s -> "HYPERTENSION".equals(s.disease())).toList());
    model.addAttribute(
        "dmSamples", samples.stream().filter(s -> "DIABETES".equals(s.disease())).toList());
    return "chronic/qc-print";
  }
}
