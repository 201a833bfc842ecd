package org.countyhealth.chronic.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.domain.Indicators;
import org.countyhealth.chronic.domain.PeriodIndicators;
import org.countyhealth.chronic.domain.PeriodIndicators.By;
import org.countyhealth.chronic.domain.PeriodIndicators.Measure;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Indicators per facility or grid, per year or quarter, each figure linked to its patients. */
@Controller
class IndicatorPages {

  private final CurrentActor actors;
  private final Indicators indicators;
  private final PeriodIndicators period;

  IndicatorPages(CurrentActor actors, Indicators indicators, PeriodIndicators period) {
    this.actors = actors;
    this.indicators = indicators;
    this.period = period;
  }

  @GetMapping("/chronic/indicators")
  String page(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter,
      @RequestParam(defaultValue = "FACILITY") By by,
      Model model) {
    LocalDate today = LocalDate.now();
    int y = year(year, today);
    Integer q = quarter == null || quarter < 1 || quarter > 4 ? null : quarter;
    var actor = actors.require();
    model.addAttribute("year", y);
    model.addAttribute("quarter", q);
    model.addAttribute("by", by);
    model.addAttribute(
        "lines", period.rows(actor, y, q, by, today).stream().map(IndicatorLine::of).toList());
    model.addAttribute("prevalence", period.prevalence());
    model.addAttribute("cohort", indicators.cohort(actor, today));
    model.addAttribute("rounding", indicators.rounding(actor, y));
    model.addAttribute("standardTarget", Indicators.STANDARD_TARGET);
    model.addAttribute("controlTarget", Indicators.CONTROL_TARGET);
    model.addAttribute("firstVisitTarget", PeriodIndicators.FIRST_VISIT_TARGET);
    return "chronic/indicators";
  }

  @GetMapping("/chronic/indicators/patients")
  String patients(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter,
      @RequestParam(defaultValue = "FACILITY") By by,
      @RequestParam String key,
      @RequestParam Disease disease,
      @RequestParam(defaultValue = "MANAGED") Measure measure,
      Model model) {
    LocalDate today = LocalDate.now();
    int y = year(year, today);
    Integer q = quarter == null || quarter < 1 || quarter > 4 ? null : quarter;
    model.addAttribute("year", y);
    model.addAttribute("quarter", q);
    model.addAttribute("by", by);
    model.addAttribute("disease", disease);
    model.addAttribute("measure", measure);
    model.addAttribute(
        "patients", period.patients(actors.require(), y, q, by, key, disease, measure, today));
    return "chronic/indicator-patients";
  }

  @PostMapping("/chronic/indicators/prevalence")
  String prevalence(
      @RequestParam Disease disease,
      @RequestParam(required = false) BigDecimal percent,
      RedirectAttributes flash) {
    try {
      period.setPrevalence(actors.require(), disease, percent);
    } catch (BusinessException e) {
      if (e.status() == 403) {
        throw e;
      }
      flash.addFlashAttribute("prevalenceError", e.getMessage());
    }
    return "redirect:/chronic/indicators";
  }

  private static int year(Integer year, LocalDate today) {
    return year == null || year < 2000 || year > today.getYear() ? today.getYear() : year;
  }
}
