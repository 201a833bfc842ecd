package org.countyhealth.chronic.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.FollowUpRequest;
import org.countyhealth.chronic.Grade;
import org.countyhealth.chronic.rules.BodyMassIndex;
import org.countyhealth.chronic.rules.Classification;
import org.countyhealth.chronic.rules.Emergency;
import org.countyhealth.chronic.rules.Grading;
import org.countyhealth.chronic.rules.Hba1c;
import org.countyhealth.chronic.rules.LevelChange;
import org.countyhealth.chronic.rules.Vitals;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a follow-up and applies the rules on save: emergency (one-step urgent referral),
 * classification, grade, next date, referral suggestion; a grade that moves the patient to another
 * level proposes the up- or down-referral.
 */
@Service
@Transactional
public class FollowUps {

  private final JdbcClient jdbc;
  private final Registry registry;
  private final Access access;
  private final FollowUpReferrals referrals;
  private final AuditTrail audit;
  private final VisitPeriods periods;
  private final ReadingTally tally;
  private final ApplicationEventPublisher events;

  FollowUps(
      JdbcClient jdbc,
      Registry registry,
      Access access,
      FollowUpReferrals referrals,
      AuditTrail audit,
      VisitPeriods periods,
      ReadingTally tally,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.registry = registry;
    this.access = access;
    this.referrals = referrals;
    this.audit = audit;
    this.periods = periods;
    this.tally = tally;
    this.events = events;
  }

  /** The rules' verdict on a form, validated; nothing saved. */
  record Assessment(
      EnrolmentRow enrolment,
      Vitals vitals,
      boolean controlled,
      Classification.Result result,
      Grade grade,
      LocalDate next,
      BigDecimal bmi,
      List<String> emergency,
      Hba1c hba1c) {}

  @Transactional(readOnly = true)
  public Assessment assess(Actor actor, FollowUpRequest f) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    EnrolmentRow e = registry.find(actor, f.enrolmentId());
    ResidentSummary resident = access.resident(actor, e.residentId());
    if (f.visitOn() == null) {
      throw new BusinessException("CHRONIC_VISIT_DATE_REQUIRED", "请填写随访日期", "visitOn");
    }
    if (f.visitOn().isAfter(LocalDate.now())) {
      throw new BusinessException("CHRONIC_DATE_IN_FUTURE", "随访日期不能晚于今天", "visitOn");
    }
    if (f.visitOn().isBefore(e.enrolledOn())) {
      throw new BusinessException("CHRONIC_VISIT_BEFORE_ENROLMENT", "随访日期不能早于建档日期", "visitOn");
    }
    Vitals v =
        new Vitals(f.systolic(), f.diastolic(), f.fastingGlucose(), f.heartRate(), f.temperature());
    if (f.mode().faceToFace()) {
      if (!v.hasBp()) {
        throw new BusinessException("CHRONIC_BP_REQUIRED", "面对面随访须测量血压", "systolic");
      }
      if (e.disease() == Disease.DIABETES && v.fastingGlucose() == null) {
        throw new BusinessException("CHRONIC_GLUCOSE_REQUIRED", "面对面随访须检测空腹血糖", "fastingGlucose");
      }
    }
    // Recorded only: classification and grade follow the fasting glucose (rules/Hba1c).
    Hba1c hba1c = Hba1c.of(e.disease(), f.hba1c(), f.hba1cOn(), f.visitOn(), LocalDate.now());
    BigDecimal bmi = BodyMassIndex.of(f.weightKg(), f.heightCm());
    int age = Period.between(resident.birthDate(), f.visitOn()).getYears();
    List<String> emergency =
        Emergency.reasons(e.disease(), v, f.symptoms(), f.pregnantOrLactating());
    // A phone visit without a measurement keeps the previous control state.
    Boolean measured = Classification.controlled(e.disease(), age, v);
    boolean controlled = measured != null ? measured : !e.uncontrolled();
    Classification.Result result =
        Classification.classify(
            !emergency.isEmpty(), controlled, f.adverse(), f.newComplication(), e.uncontrolled());
    Grade grade = Grading.grade(result, controlled, f.adherence(), f.discomfort());
    return new Assessment(
        e,
        v,
        controlled,
        result,
        grade,
        Classification.nextVisit(result, f.visitOn()),
        bmi,
        emergency,
        hba1c);
  }

  public FollowUpOutcome preview(Actor actor, FollowUpRequest f) {
    return outcome(null, assess(actor, f), null);
  }

  public FollowUpOutcome record(Actor actor, FollowUpRequest f) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    Assessment a = assess(actor, f);
    EnrolmentRow e = a.enrolment();
    if (!"MANAGED".equals(e.status())) {
      throw new BusinessException("CHRONIC_NOT_MANAGED", "该患者已" + e.statusLabel() + "，不能登记随访");
    }
    jdbc.sql("SELECT id FROM chronic.enrolment WHERE id = ? FOR UPDATE")
        .param(e.id())
        .query(Long.class)
        .single();
    long id = insert(actor, f, a);
    periods.refresh(e.id(), f.visitOn().getYear());
    tally.count(f.visitOn(), actor.facilityCode(), f.systolic(), 1);
    events.publishEvent(IndicatorInputsChanged.on(f.visitOn()));
    // A visit older than the latest one recorded does not move the schedule back.
    boolean latest = e.lastVisitOn() == null || !f.visitOn().isBefore(e.lastVisitOn());
    if (latest) {
      jdbc.sql(
              "UPDATE chronic.enrolment SET grade = ?, management_level = ?, last_visit_on = ?,"
                  + " next_visit_on = ?, next_reason = ?, uncontrolled = ?, version = version + 1"
                  + " WHERE id = ?")
          .params(
              a.grade().name(),
              LevelChange.managementLevel(e.disease(), a.grade()),
              f.visitOn(),
              a.next(),
              nextReason(a.result()),
              !a.controlled(),
              e.id())
          .update();
    }
    if (latest && a.grade() != e.grade()) {
      Grades.record(
          jdbc, e.id(), e.residentId(), e.grade(), a.grade(), f.visitOn(), a.result().label(), id);
    }
    String referral = referrals.suggest(actor, f, a, latest);
    audit.describe("CHRONIC_FOLLOW_UP", "Resident", String.valueOf(e.residentId()));
    return outcome(id, a, referral);
  }

  /** What the next visit is for: routine, the 2-week re-visit, or the check of a referral. */
  static String nextReason(Classification.Result result) {
    return switch (result) {
      case CONTROLLED -> "ROUTINE";
      case FIRST_UNCONTROLLED -> "REVISIT";
      default -> "REFERRAL_CHECK";
    };
  }

  private static FollowUpOutcome outcome(Long id, Assessment a, String referral) {
    return new FollowUpOutcome(
        id,
        a.result().name(),
        a.result().label(),
        a.grade(),
        LevelChange.managementLevel(a.enrolment().disease(), a.grade()),
        a.next(),
        a.bmi(),
        a.emergency(),
        referral);
  }

  private long insert(Actor actor, FollowUpRequest f, Assessment a) {
    EnrolmentRow e = a.enrolment();
    String symptoms =
        f.symptoms().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    return Rows.insert(
        jdbc.sql(
                "INSERT INTO chronic.follow_up (enrolment_id, resident_id, original_resident_id,"
                    + " disease, visit_on, mode, facility_code, doctor_id, symptoms, other_symptoms,"
                    + " discomfort, systolic, diastolic, weight_kg, height_cm, bmi, heart_rate,"
                    + " temperature, fasting_glucose, foot_pulse, cigarettes_per_day,"
                    + " spirits_ml_per_day, exercise_per_week, exercise_minutes, salt_intake,"
                    + " staple_food_g, adherence, adverse, new_complication, pregnant_or_lactating,"
                    + " medication, controlled, classification, emergency_reasons, grade,"
                    + " next_visit_on, education, hba1c, hba1c_on, created_by, created_at) VALUES"
                    + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                    + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .params(
                e.id(),
                e.residentId(),
                e.residentId(),
                e.disease().name(),
                f.visitOn(),
                f.mode().name(),
                actor.facilityCode(),
                actor.staffId(),
                symptoms,
                f.otherSymptoms(),
                f.discomfort().name(),
                f.systolic(),
                f.diastolic(),
                f.weightKg(),
                f.heightCm(),
                a.bmi(),
                f.heartRate(),
                f.temperature(),
                f.fastingGlucose(),
                f.footPulse(),
                f.cigarettesPerDay(),
                f.spiritsMlPerDay(),
                f.exercisePerWeek(),
                f.exerciseMinutes(),
                f.saltIntake(),
                f.stapleFoodG(),
                f.adherence().name(),
                f.adverse().name(),
                f.newComplication(),
                f.pregnantOrLactating(),
                f.medication(),
                a.controlled(),
                a.result().name(),
                a.emergency().isEmpty() ? null : String.join("、", a.emergency()),
                a.grade().name(),
                a.next(),
                f.education(),
                a.hba1c() == null ? null : a.hba1c().percent(),
                a.hba1c() == null ? null : a.hba1c().testedOn(),
                actor.username(),
                LocalDateTime.now()));
  }
}
