package org.countyhealth.referral.web;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.referral.domain.ReferralIndicators;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Referral indicators: a table per facility and month, and the monthly up/down chart. */
@Controller
class ReferralIndicatorPages {

  private final CurrentActor actors;
  private final ReferralIndicators indicators;

  ReferralIndicatorPages(CurrentActor actors, ReferralIndicators indicators) {
    this.actors = actors;
    this.indicators = indicators;
  }

  @GetMapping("/referrals/indicators")
  String page(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    Actor actor = actors.require();
    if (!actor.can("INDICATOR_VIEW") && !actor.can("REFERRAL_PROCESS")) {
      throw new AccessDenied("INDICATOR_VIEW_REQUIRED", "您没有查看指标的权限");
    }
    LocalDate end = to == null ? LocalDate.now() : to;
    LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
    if (start.isAfter(end) || start.isBefore(end.minusYears(3))) {
      start = end.minusYears(1).plusDays(1);
    }
    model.addAttribute("rows", indicators.perFacilityAndMonth(actor.scope(), start, end));
    List<ReferralIndicators.Month> months = indicators.months(actor.scope(), start, end);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute(
        "chartMonths",
        String.join("|", months.stream().map(m -> m.year() + "-" + m.month()).toList()));
    model.addAttribute(
        "chartUp", String.join(",", months.stream().map(m -> String.valueOf(m.up())).toList()));
    model.addAttribute(
        "chartDown", String.join(",", months.stream().map(m -> String.valueOf(m.down())).toList()));
    return "referral/indicators";
  }
}
