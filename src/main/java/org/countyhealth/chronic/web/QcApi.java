package org.countyhealth.chronic.web;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.chronic.domain.QcIndicators;
import org.countyhealth.chronic.domain.QcIndicators.Figure;
import org.countyhealth.chronic.domain.QualityControl;
import org.countyhealth.chronic.domain.QualityControl.Plan;
import org.countyhealth.chronic.domain.QualityControl.Sample;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
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
 * JSON API of quarterly quality control (000_65944b5c5b97f013.txt lines 75, 86–99): the plan, the
 * seeded sample, the checkers' findings and the QC indicators, through the same services as the
 * pages. Refusals are problem details with a stable {@code code}; nothing is changed.
 */
@RestController
@RequestMapping("/api/v1/chronic/qc")
class QcApi {

  private final CurrentActor actors;
  private final QualityControl qc;
  private final QcIndicators figures;

  QcApi(CurrentActor actors, QualityControl qc, QcIndicators figures) {
    this.actors = actors;
    this.qc = qc;
    this.figures = figures;
  }

  record QuarterBody(Integer year, Integer quarter) {}

  record CheckBody(Boolean authentic, Boolean conforming, Boolean controlled, String note) {}

  record FirstVisitBody(Integer checkedCount, Integer measured) {}

  record Quarter(int year, int quarter, List<Plan> plans, List<Figure> figures) {}

  record PlanDetail(Plan plan, List<Sample> samples, List<Figure> figures) {}

  record Planned(int created, Quarter quarter) {}

  @GetMapping("/plans")
  Quarter plans(@RequestParam Integer year, @RequestParam Integer quarter) {
    quarter(year, quarter);
    Actor actor = actors.require();
    return new Quarter(
        year, quarter, qc.plans(actor, year, quarter), figures.quarter(actor, year, quarter, null));
  }

  @PostMapping("/plans")
  @ResponseStatus(HttpStatus.CREATED)
  Planned plan(@RequestBody QuarterBody body) {
    quarter(body.year(), body.quarter());
    int created = qc.planQuarter(actors.require(), body.year(), body.quarter());
    return new Planned(created, plans(body.year(), body.quarter()));
  }

  @GetMapping("/plans/{id}")
  PlanDetail plan(@PathVariable long id) {
    Actor actor = actors.require();
    Plan plan = qc.plan(actor, id);
    return new PlanDetail(
        plan, qc.samples(actor, id), figures.quarter(actor, plan.year(), plan.quarter(), id));
  }

  /** Draws the seeded sample of lines 88 and 90; a quota that cannot be filled is in shortfall. */
  @PostMapping("/plans/{id}/sample")
  PlanDetail draw(@PathVariable long id) {
    qc.draw(actors.require(), id, LocalDate.now());
    return plan(id);
  }

  @PostMapping("/plans/{id}/samples/{sampleId}/check")
  PlanDetail check(
      @PathVariable long id, @PathVariable long sampleId, @RequestBody CheckBody body) {
    if (body.authentic() == null || body.conforming() == null || body.controlled() == null) {
      throw new BusinessException(
          "QC_CHECK_INCOMPLETE", "请填写真实性、规范管理和控制情况（true 或 false）", "authentic");
    }
    String note = body.note() == null || body.note().isBlank() ? null : body.note().strip();
    qc.check(
        actors.require(),
        id,
        sampleId,
        body.authentic(),
        body.conforming(),
        body.controlled(),
        note);
    return plan(id);
  }

  /** The first-visit BP check of line 84. */
  @PostMapping("/plans/{id}/first-visit")
  PlanDetail firstVisit(@PathVariable long id, @RequestBody FirstVisitBody body) {
    if (body.checkedCount() == null || body.measured() == null) {
      throw new BusinessException("QC_FIRST_VISIT_INVALID", "请填写抽查首诊人次和测血压人次", "checkedCount");
    }
    qc.firstVisit(actors.require(), id, body.checkedCount(), body.measured());
    return plan(id);
  }

  /** The QC indicators of lines 92–99 over the actor's plans of a quarter (or one plan). */
  @GetMapping("/indicators")
  List<Figure> indicators(
      @RequestParam Integer year,
      @RequestParam Integer quarter,
      @RequestParam(required = false) Long planId) {
    quarter(year, quarter);
    return figures.quarter(actors.require(), year, quarter, planId);
  }

  private static void quarter(Integer year, Integer quarter) {
    if (year == null
        || quarter == null
        || quarter < 1
        || quarter > 4
        || year < 2000
        || year > 2100) {
      throw new BusinessException("QC_BAD_QUARTER", "年度或季度无效：年度 2000–2100，季度 1–4");
    }
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
    return ChronicProblems.unreadable("QC_BAD_PARAMETER", "参数格式无效：" + e.getName());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    return ChronicProblems.unreadable("QC_BODY_UNREADABLE", "请求内容不是有效的质控 JSON，请检查字段和取值");
  }
}
