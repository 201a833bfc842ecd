package org.countyhealth.referral.web;

import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.Referral;
import org.countyhealth.referral.domain.ReferralQueries;
import org.countyhealth.referral.domain.ReferralQueries.HistoryLine;
import org.countyhealth.referral.domain.ReferralQueries.Row;
import org.countyhealth.referral.domain.ReferralQueries.Side;
import org.countyhealth.referral.domain.ReferralService;
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

/**
 * JSON API of the referral desk: the same service, rules and audit as the pages; each workflow
 * transition is a POST sub-resource answering with the referral as it now stands.
 */
@RestController
@RequestMapping("/api/v1/referrals")
class ReferralApi {

  private final CurrentActor actors;
  private final ReferralService service;
  private final ReferralQueries queries;

  ReferralApi(CurrentActor actors, ReferralService service, ReferralQueries queries) {
    this.actors = actors;
    this.service = service;
    this.queries = queries;
  }

  /** A referral as the API shows it. */
  record View(
      long id,
      String number,
      Direction direction,
      String status,
      String statusLabel,
      boolean greenChannel,
      boolean outOfCounty,
      long residentId,
      String patientName,
      String fromFacilityCode,
      String toFacilityCode,
      String diagnosisCode,
      String diagnosisName,
      List<String> indications,
      String requestingDoctor,
      LocalDate referralDate,
      LocalDateTime submittedAt,
      LocalDateTime acceptedAt,
      LocalDate resultDueOn,
      String declineReason,
      String cancelReason,
      String outcome,
      List<HistoryLine> history) {}

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  View create(@Valid @RequestBody ReferralApiRequests.Create body) {
    Actor actor = actors.require();
    long id =
        service.create(
            actor, body.toNew(actor.facilityCode()), body.submit() == null || body.submit());
    return view(actor, id);
  }

  @GetMapping("/{id}")
  View get(@PathVariable long id) {
    return view(actors.require(), id);
  }

  @GetMapping
  List<Row> list(
      @RequestParam(defaultValue = "EITHER") String side,
      @RequestParam(required = false) String direction,
      @RequestParam(defaultValue = "false") boolean open,
      @RequestParam(defaultValue = "false") boolean escalated) {
    Actor actor = actors.require();
    return queries.list(
        actor.scope(),
        parse(Side.class, side, "REFERRAL_SIDE_INVALID", "side 只能是 SENT、RECEIVED 或 EITHER"),
        direction == null
            ? null
            : parse(Direction.class, direction, "REFERRAL_DIRECTION_INVALID", "转诊分类只能是 UP 或 DOWN"),
        open || escalated,
        escalated);
  }

  @PostMapping("/{id}/submit")
  View submit(@PathVariable long id) {
    return step(id, a -> service.submit(a, id));
  }

  @PostMapping("/{id}/receive")
  View receive(@PathVariable long id) {
    return step(id, a -> service.receive(a, id));
  }

  @PostMapping("/{id}/accept")
  View accept(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Accept body) {
    return step(id, a -> service.accept(a, id, body.resourceId()));
  }

  @PostMapping("/{id}/decline")
  View decline(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Reason body) {
    return step(id, a -> service.decline(a, id, body.reason()));
  }

  @PostMapping("/{id}/arrive")
  View arrive(@PathVariable long id) {
    return step(id, a -> service.arrive(a, id));
  }

  @PostMapping("/{id}/treat")
  View treat(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Treat body) {
    return step(id, a -> service.treat(a, id, Referral.CareMode.valueOf(body.careMode())));
  }

  @PostMapping("/{id}/close")
  View close(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Close body) {
    return step(id, a -> service.close(a, id, Referral.Outcome.valueOf(body.outcome())));
  }

  @PostMapping("/{id}/down-refer")
  @ResponseStatus(HttpStatus.CREATED)
  View downRefer(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.DownRefer body) {
    Actor a = actors.require();
    Referral up = service.visible(a, id);
    long down =
        service.referDown(
            a, id, body.toForm().toNew(up.form().residentId(), up.form().toFacilityCode()));
    return view(a, down);
  }

  @PostMapping("/{id}/approve")
  View approve(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Approve body) {
    return step(id, a -> service.approve(a, id, body.opinion()));
  }

  @PostMapping("/{id}/confirm-back")
  View confirmBack(@PathVariable long id) {
    return step(id, a -> service.confirmBack(a, id));
  }

  @PostMapping("/{id}/cancel")
  View cancel(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Reason body) {
    return step(id, a -> service.cancel(a, id, body.reason()));
  }

  @PostMapping("/{id}/result")
  View result(@PathVariable long id, @Valid @RequestBody ReferralApiRequests.Reason body) {
    return step(id, a -> service.recordResult(a, id, body.reason()));
  }

  /** A transition of the referral, answered with the referral as the caller now sees it. */
  private View step(long id, Consumer<Actor> transition) {
    Actor actor = actors.require();
    transition.accept(actor);
    return view(actor, id);
  }

  private View view(Actor actor, long id) {
    Referral r = service.visible(actor, id);
    var f = r.form();
    return new View(
        r.id(),
        r.number(),
        f.direction(),
        r.status().name(),
        r.status().label(),
        r.greenChannel(),
        r.outOfCounty(),
        f.residentId(),
        f.patientName(),
        f.fromFacilityCode(),
        f.toFacilityCode(),
        f.diagnosisCode(),
        f.diagnosisName(),
        f.indications(),
        f.requestingDoctor(),
        f.referralDate(),
        r.submittedAt(),
        r.acceptedAt(),
        r.resultDueOn(),
        r.declineReason(),
        r.cancelReason(),
        r.outcome() == null ? null : r.outcome().name(),
        queries.history(id));
  }

  /** A body that is not the JSON the request expects: a stable code instead of a bare 400. */
  @ExceptionHandler(HttpMessageNotReadableException.class)
  ProblemDetail unreadable(HttpMessageNotReadableException e) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "请求内容不是有效的转诊 JSON，请检查字段和取值");
    body.setType(java.net.URI.create("urn:countyhealth:error:REFERRAL_BODY_UNREADABLE"));
    body.setTitle(HttpStatus.BAD_REQUEST.getReasonPhrase());
    body.setProperty("code", "REFERRAL_BODY_UNREADABLE");
    return body;
  }

  private static <E extends Enum<E>> E parse(
      Class<E> type, String value, String code, String message) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase());
    } catch (IllegalArgumentException e) {
      throw new BadQuery(code, message);
    }
  }

  /** A query parameter out of its range: 400, like a body that fails validation. */
  static final class BadQuery extends BusinessException {
    BadQuery(String code, String message) {
      super(code, message, "query", 400);
    }
  }
}
