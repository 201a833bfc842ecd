package org.countyhealth.chronic.web;

import java.time.LocalDate;
import org.countyhealth.chronic.domain.Indicators;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The yearly standard-management and control rates per facility. */
@Controller
class IndicatorPages {

  private final CurrentActor actors;
  private final Indicators indicators;

  IndicatorPages(CurrentActor actors, Indicators indicators) {
    this.actors = actors;
    this.indicators = indicators;
  }

  @GetMapping("/chronic/indicators")
  String page(@RequestParam(required = false) Integer year, Model model) {
    LocalDate today = LocalDate.now();
    int y = year == null || year < 2000 || year > today.getYear() ? today.getYear() : year;
    model.addAttribute("year", y);
    model.addAttribute("rows", indicators.year(actors.require(), y, today));
    model.addAttribute("cohort", indicators.cohort(actors.require(), today));
    model.addAttribute("rounding", indicators.rounding(actors.require(), y));
    model.addAttribute("standardTarget", Indicators.STANDARD_TARGET);
    model.addAttribute("controlTarget", Indicators.CONTROL_TARGET);
    return "chronic/indicators";
  }
}
