package org.countyhealth.chronic.web;

import java.time.LocalDate;
import org.countyhealth.chronic.domain.PeriodReports;
import org.countyhealth.chronic.domain.PeriodReports.Overview;
import org.countyhealth.chronic.domain.PeriodReports.Report;
import org.countyhealth.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * JSON API of period reports: the same service, rules and audit as the pages. A quarter of 0 or
 * none means the whole year; refusals are problem details with a stable {@code code}.
 */
@RestController
@RequestMapping("/api/v1/chronic/reports")
class PeriodReportApi {

  private final CurrentActor actors;
  private final PeriodReports reports;

  PeriodReportApi(CurrentActor actors, PeriodReports reports) {
    this.actors = actors;
    this.reports = reports;
  }

  record PeriodBody(Integer year, Integer quarter) {}

  record ReturnBody(String reason) {}

  /** My facility's report and my members' submission status for a period. */
  @GetMapping
  Overview overview(
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Integer quarter) {
    return reports.overview(actors.require(), PeriodReports.period(year, quarter));
  }

  @GetMapping("/{id}")
  Report report(@PathVariable long id) {
    return reports.report(actors.require(), id);
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  Report submit(@RequestBody PeriodBody body) {
    return reports.submit(
        actors.require(), PeriodReports.period(body.year(), body.quarter()), LocalDate.now());
  }

  @PostMapping("/{id}/return")
  Report giveBack(@PathVariable long id, @RequestBody ReturnBody body) {
    return reports.returnReport(actors.require(), id, body.reason());
  }

  @PostMapping("/lock")
  Overview lock(@RequestBody PeriodBody body) {
    return reports.lock(
        actors.require(), PeriodReports.period(body.year(), body.quarter()), LocalDate.now());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return ChronicProblems.unreadable("REPORT_BAD_PERIOD", "报表期间无效：年度、季度应为数字");
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ChronicProblems.unreadable("REPORT_BODY_UNREADABLE", "请求内容不是有效的报表 JSON，请检查字段和取值");
  }
}
