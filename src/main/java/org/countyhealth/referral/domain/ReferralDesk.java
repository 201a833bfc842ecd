package org.countyhealth.referral.domain;

import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.DownReferralReceived;
import org.countyhealth.referral.ReferralAccepted;
import org.countyhealth.referral.ReferralClosed;
import org.countyhealth.referral.rules.ConditionCapability;
import org.countyhealth.referral.rules.Indication;
import org.countyhealth.referral.rules.IndicationCheck;
import org.countyhealth.referral.rules.NearestCapable;
import org.countyhealth.referral.rules.NearestCapable.Candidate;
import org.countyhealth.referral.rules.ReferralRoute;
import org.countyhealth.referral.rules.ReferralStatus;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.BusinessException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates referrals and moves them along the flow chart (lines 592–640), checking the rules,
 * booking, and publishing the events the programmes follow. Methods here trust their caller on
 * privilege and scope ({@link ReferralService} checks them for people).
 */
@Service
@Transactional
@EnableConfigurationProperties(ReferralSettings.class)
public class ReferralDesk {

  private final ReferralStore store;
  private final NumberSequence numbers;
  private final FacilityLookup facilities;
  private final ResidentLookup residents;
  private final ResourcePool pool;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;
  private final ReferralSettings settings;

  ReferralDesk(
      ReferralStore store,
      NumberSequence numbers,
      FacilityLookup facilities,
      ResidentLookup residents,
      ResourcePool pool,
      ApplicationEventPublisher events,
      AuditTrail audit,
      ReferralSettings settings) {
    this.store = store;
    this.numbers = numbers;
    this.facilities = facilities;
    this.residents = residents;
    this.pool = pool;
    this.events = events;
    this.audit = audit;
    this.settings = settings;
  }

  /** Drafts the referral, and submits it when asked; returns its id. */
  public long create(
      NewReferral in,
      Long staffId,
      String doctor,
      boolean submit,
      Long parentId,
      LocalDateTime now) {
    long id = createUndescribed(in, staffId, doctor, submit, parentId, now);
    describe(submit ? "REFERRAL_SUBMIT" : "REFERRAL_DRAFT", "Referral", String.valueOf(id));
    return id;
  }

  /**
   * Creates without naming the request's audit event: a programme calling the facade has named its
   * own request already (one event per request).
   */
  long createUndescribed(
      NewReferral in,
      Long staffId,
      String doctor,
      boolean submit,
      Long parentId,
      LocalDateTime now) {
    if (in.direction() == null) {
      throw new BusinessException("REFERRAL_DIRECTION_REQUIRED", "请选择转诊分类（向上转诊或向下转诊）", "direction");
    }
    if (in.residentId() == null) {
      throw new BusinessException("REFERRAL_RESIDENT_REQUIRED", "请从居民主索引选择患者", "residentId");
    }
    ResidentSummary patient =
        residents
            .find(in.residentId())
            .orElseThrow(
                () ->
                    new BusinessException(
                        "REFERRAL_RESIDENT_UNKNOWN", "居民主索引中没有该患者", "residentId"));
    FacilitySummary from = facilities.active(in.fromFacilityCode(), "fromFacilityCode");
    List<Indication> ticked = IndicationCheck.validate(in.direction(), in.indications());
    String diagnosis = in.diagnosisCode() == null ? "" : in.diagnosisCode().strip().toUpperCase();
    List<Candidate> candidates = facilities.candidates(in.direction(), from, patient, diagnosis);
    FacilitySummary to;
    if (in.toFacilityCode() == null || in.toFacilityCode().isBlank()) {
      String nearest =
          NearestCapable.choose(candidates)
              .map(Candidate::code)
              .orElseThrow(
                  () ->
                      new BusinessException(
                          "REFERRAL_NO_CAPABLE_FACILITY", "没有能够接收该患者的医疗机构", "toFacilityCode"));
      to = facilities.active(nearest, "toFacilityCode");
    } else {
      to = facilities.active(in.toFacilityCode(), "toFacilityCode");
    }
    ReferralRoute.check(
        from.licenceCode(), from.type(), to.licenceCode(), to.type(), in.direction());
    if (!diagnosis.isEmpty() && !ConditionCapability.canManage(to.type(), diagnosis)) {
      throw new BusinessException(
          "REFERRAL_CANNOT_MANAGE",
          to.name() + "不具备管理该疾病（" + diagnosis + "）的能力，请选择其他机构",
          "toFacilityCode");
    }
    boolean needsReason = NearestCapable.needsReason(to.licenceCode(), candidates);
    if (needsReason && (in.routeReason() == null || in.routeReason().isBlank())) {
      throw new BusinessException(
          "REFERRAL_NOT_NEAREST", "有更近的可接收机构，如因患者意愿等转往较远机构，请填写理由", "routeReason");
    }
    ReferralForm form =
        new ReferralForm(
            in.direction(),
            patient.id(),
            patient.name(),
            patient.sex(),
            Period.between(patient.birthDate(), now.toLocalDate()).getYears(),
            in.recordNumber(),
            from.licenceCode(),
            in.fromDepartment(),
            to.licenceCode(),
            in.toDepartment(),
            in.purpose(),
            in.summary(),
            in.diagnosisCode(),
            in.diagnosisName(),
            ticked.stream().map(Indication::code).toList(),
            in.routeReason(),
            staffId,
            doctor,
            in.dischargeSummary(),
            in.treatmentAdvice(),
            in.rehabAdvice(),
            in.treatingContact(),
            parentId,
            in.sourceModule(),
            now.toLocalDate());
    Referral r =
        Referral.draft(
            form,
            IndicationCheck.greenChannel(in.emergency(), ticked),
            !to.type().member(),
            doctor,
            now);
    r.number = numbers.next(settings.numberPrefix(), now.getYear()).text();
    store.claimOpenSlot(patient.id(), in.direction(), r.number);
    if (submit) {
      r.submit(doctor, now);
    }
    long id = store.insert(r, doctor, now);
    return id;
  }

  public Referral load(long id) {
    return store.load(id);
  }

  public void submit(long id, String by, LocalDateTime now) {
    change(id, r -> r.submit(by, now), now, "REFERRAL_SUBMIT");
  }

  public void receive(long id, String by, LocalDateTime now) {
    Referral r = change(id, x -> x.receive(by, now), now, "REFERRAL_RECEIVE");
    if (r.form.direction() == Direction.DOWN) {
      events.publishEvent(accepted(r, now));
    }
  }

  /** Accepts with one place of the pool; of two officers at once, exactly one succeeds. */
  public void accept(long id, long resourceId, String officer, LocalDateTime now) {
    Referral r = store.load(id);
    alreadyAccepted(r);
    r.accept(officer, resourceId, now);
    try {
      store.update(r, now);
    } catch (BusinessException lostRace) {
      // The other officer's accept committed while this one waited on the row: say so plainly.
      alreadyAccepted(store.load(id));
      throw lostRace;
    }
    pool.book(resourceId, r.form.toFacilityCode(), id, officer, now);
    describe("REFERRAL_ACCEPT", "Referral", r.number);
    events.publishEvent(accepted(r, now));
  }

  /** Of two officers accepting at once, the second learns that the first already did. */
  private static void alreadyAccepted(Referral r) {
    if (r.acceptedAt != null) {
      throw new ReferralConflict("REFERRAL_ALREADY_ACCEPTED", "该转诊单已由其他工作人员接受并预约，请刷新查看最新状态");
    }
  }

  public void decline(long id, String reason, String by, LocalDateTime now) {
    closed(change(id, r -> r.decline(by, reason, now), now, "REFERRAL_DECLINE"), now);
  }

  public void arrive(long id, String by, LocalDateTime now) {
    change(id, r -> r.arrive(by, now), now, "REFERRAL_ARRIVE");
  }

  public void treat(long id, Referral.CareMode mode, String by, LocalDateTime now) {
    change(id, r -> r.treat(by, mode, now), now, "REFERRAL_TREAT");
  }

  public void close(long id, Referral.Outcome outcome, String by, LocalDateTime now) {
    closed(change(id, r -> r.close(by, outcome, now), now, "REFERRAL_CLOSE"), now);
  }

  public void cancel(long id, String reason, String by, LocalDateTime now) {
    Referral r = change(id, x -> x.cancel(by, reason, now), now, "REFERRAL_CANCEL");
    pool.release(id);
    closed(r, now);
  }

  public void approve(long id, String opinion, String head, LocalDateTime now) {
    change(id, r -> r.approve(head, opinion, now), now, "REFERRAL_APPROVE");
  }

  public void confirmBack(long id, String by, LocalDateTime now) {
    Referral r = change(id, x -> x.confirmBack(by, now), now, "REFERRAL_CONFIRM_BACK");
    events.publishEvent(
        new DownReferralReceived(r.id, r.form.residentId(), r.form.toFacilityCode(), instant(now)));
    closed(r, now);
  }

  /**
   * The treating doctor writes the down-referral of a treated up-referral (lines 612–613); it waits
   * for the department head's approval. The up-referral ends as down-referred.
   */
  public long referDown(
      long upId, NewReferral down, Long staffId, String doctor, LocalDateTime now) {
    Referral up = store.load(upId);
    if (down.direction() != Direction.DOWN
        || down.residentId() == null
        || down.residentId() != up.form.residentId()) {
      throw new BusinessException("REFERRAL_DOWN_MISMATCH", "下转单须为同一患者的向下转诊", "residentId");
    }
    long id = create(down, staffId, doctor, true, upId, now);
    up.referDown(doctor, store.load(id).number, now);
    store.update(up, now);
    closed(up, now);
    return id;
  }

  /** The sending township records the followed-up result (lines 125, 134). */
  public void recordResult(long id, String note, String by, LocalDateTime now) {
    if (note == null || note.isBlank() || note.length() > 500) {
      throw new BusinessException("REFERRAL_RESULT_NOTE_REQUIRED", "请填写随访结果（500字以内）", "note");
    }
    store.recordResult(store.load(id), note.strip(), by, now);
    describe("REFERRAL_RESULT", "Referral", String.valueOf(id));
  }

  private Referral change(
      long id, java.util.function.Consumer<Referral> step, LocalDateTime now, String action) {
    Referral r = store.load(id);
    step.accept(r);
    store.update(r, now);
    describe(action, "Referral", r.number);
    return r;
  }

  /** Names the web request's audit event; a replay outside a request has none to name. */
  private void describe(String action, String type, String id) {
    if (org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
        != null) {
      audit.describe(action, type, id);
    }
  }

  private void closed(Referral r, LocalDateTime now) {
    String outcome = r.outcome != null ? r.outcome.name() : r.status.name();
    events.publishEvent(
        new ReferralClosed(r.id, r.form.residentId(), r.form.direction(), outcome, instant(now)));
  }

  private ReferralAccepted accepted(Referral r, LocalDateTime now) {
    return new ReferralAccepted(
        r.id,
        r.form.residentId(),
        r.form.direction(),
        r.form.fromFacilityCode(),
        r.form.toFacilityCode(),
        instant(now));
  }

  static java.time.Instant instant(LocalDateTime t) {
    return t.atZone(ZoneId.systemDefault()).toInstant();
  }

  public boolean isOpen(ReferralStatus s) {
    return s.open();
  }
}
