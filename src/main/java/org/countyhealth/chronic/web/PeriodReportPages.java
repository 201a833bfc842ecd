package org.countyhealth.chronic.web;

import java.time.LocalDate;
import java.util.stream.Collectors;
import org.countyhealth.chronic.domain.PeriodReports;
import org.countyhealth.chronic.domain.ReportFigure;
import org.countyhealth.chronic.rules.ReportingLine.Period;
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

/** Period reports level by level: my report, my members' submission status, return and lock. */
@Controller
class PeriodReportPages {

  private final CurrentActor actors;
  private final PeriodReports reports;

  PeriodReportPages(CurrentActor actors, PeriodReports reports) {
    this.actors = actors;
    this.reports = reports;
  }

  public record PeriodForm(Integer year, Integer quarter) {}

  public record ReturnForm(String reason) {}

  @GetMapping("/chronic/reports")
  String page(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter,
      Model model) {
    Period period = defaulted(year, quarter);
    var overview = reports.overview(actors.require(), period);
    model.addAttribute("overview", overview);
    model.addAttribute("period", period);
    // The chart: each member's control rate of hypertension from its submitted totals.
    var members = overview.members().stream().filter(m -> m.reportId() != null).toList();
    model.addAttribute(
        "chartNames",
        members.stream()
            .map(m -> m.facilityName().replace(",", " "))
            .collect(Collectors.joining(",")));
    model.addAttribute(
        "chartRates",
        members.stream()
            .map(m -> rate(reports.report(actors.require(), m.reportId())))
            .collect(Collectors.joining(",")));
    return "chronic/reports";
  }

  @GetMapping("/chronic/reports/{id}")
  String report(@PathVariable long id, Model model) {
    model.addAttribute("report", reports.report(actors.require(), id));
    return "chronic/report";
  }

  @PostMapping("/chronic/reports")
  String submit(@ModelAttribute PeriodForm form, RedirectAttributes flash) {
    Period period = PeriodReports.period(form.year(), form.quarter());
    try {
      reports.submit(actors.require(), period, LocalDate.now());
      flash.addFlashAttribute("message", period.label() + "报表已上报，数据已按上报时冻结");
    } catch (BusinessException e) {
      if (e.status() == 403 || e.status() == 404) {
        throw e;
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return redirect(period);
  }

  @PostMapping("/chronic/reports/lock")
  String lock(@ModelAttribute PeriodForm form, RedirectAttributes flash) {
    Period period = PeriodReports.period(form.year(), form.quarter());
    try {
      reports.lock(actors.require(), period, LocalDate.now());
      flash.addFlashAttribute("message", period.label() + "已锁定，下级报表不可再修改");
    } catch (BusinessException e) {
      if (e.status() == 403 || e.status() == 404) {
        throw e;
      }
      flash.addFlashAttribute("error", e.getMessage());
    }
    return redirect(period);
  }

  @PostMapping("/chronic/reports/{id}/return")
  String giveBack(
      @PathVariable long id, @ModelAttribute ReturnForm form, RedirectAttributes flash) {
    var actor = actors.require();
    var report = reports.report(actor, id);
    try {
      reports.returnReport(actor, id, form.reason());
      flash.addFlashAttribute("message", report.facilityName() + "的报表已退回");
    } catch (BusinessException e) {
      if (e.status() == 403 || e.status() == 404) {
        throw e;
      }
      flash.addFlashAttribute("returnError", e.getMessage());
      flash.addFlashAttribute("returnId", id);
    }
    return redirect(report.period());
  }

  private static String rate(PeriodReports.Report r) {
    return r.total().stream()
        .filter(f -> f.disease().name().equals("HYPERTENSION"))
        .map(ReportFigure::controlRate)
        .map(v -> v == null ? "" : v.toString())
        .findFirst()
        .orElse("");
  }

  private static String redirect(Period p) {
    return "redirect:/chronic/reports?year=" + p.year() + "&quarter=" + p.quarter();
  }

  /** Without a choice: the last ended quarter. */
  private static Period defaulted(Integer year, Integer quarter) {
    if (year == null) {
      LocalDate last = LocalDate.now().withDayOfMonth(1).minusMonths(3);
      return new Period(last.getYear(), (last.getMonthValue() + 2) / 3);
    }
    return PeriodReports.period(year, quarter);
  }
}
