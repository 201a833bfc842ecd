package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.chronic.rules.HighRisk;
import org.countyhealth.chronic.rules.Screening;
import org.countyhealth.chronic.rules.Vitals;
import org.countyhealth.referral.Direction;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Screening readings, suspected cases and high-risk residents (lines 124–131, 193–194). */
@Service
@Transactional
public class ScreeningDesk {

  private final JdbcClient jdbc;
  private final Access access;
  private final ReferralLinks referrals;
  private final AuditTrail audit;

  ScreeningDesk(JdbcClient jdbc, Access access, ReferralLinks referrals, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.referrals = referrals;
    this.audit = audit;
  }

  public Screening.Outcome screen(Actor actor, ScreeningRequest r) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    ResidentSummary resident = access.resident(actor, r.residentId());
    LocalDate on = r.measuredOn() == null ? LocalDate.now() : r.measuredOn();
    if (on.isAfter(LocalDate.now())) {
      throw new BusinessException("CHRONIC_DATE_IN_FUTURE", "测量日期不能晚于今天", "measuredOn");
    }
    Vitals.bp(r.systolic(), r.diastolic());
    // The episode: readings since the last normal one.
    List<Screening.Reading> earlier =
        jdbc.sql(
                "SELECT measured_on, systolic, diastolic FROM chronic.screening s"
                    + " WHERE resident_id = ? AND measured_on <= ? AND NOT confirmed AND id > COALESCE("
                    + " (SELECT MAX(n.id) FROM chronic.screening n WHERE n.resident_id = s.resident_id"
                    + " AND n.outcome = 'NORMAL'), 0)")
            .params(resident.id(), on)
            .query(
                (rs, i) ->
                    new Screening.Reading(
                        rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getInt(3)))
            .list();
    Screening.Outcome outcome =
        Screening.assess(new Screening.Reading(on, r.systolic(), r.diastolic()), earlier);
    jdbc.sql(
            "INSERT INTO chronic.screening (resident_id, original_resident_id, measured_on,"
                + " facility_code, first_visit, systolic, diastolic, outcome, created_by,"
                + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            resident.id(),
            resident.id(),
            on,
            actor.facilityCode(),
            r.firstVisit(),
            r.systolic(),
            r.diastolic(),
            outcome.name(),
            actor.username(),
            LocalDateTime.now())
        .update();
    if (outcome == Screening.Outcome.SUSPECTED) {
      referrals.suggest(
          actor,
          null,
          resident.id(),
          Disease.HYPERTENSION,
          Direction.UP,
          false,
          "非同日3次血压高于正常，疑似高血压，建议上级医院确诊",
          on,
          false);
    }
    int age = Period.between(resident.birthDate(), on).getYears();
    Set<HighRisk.Factor> factors =
        HighRisk.hypertensionFactors(
            new HighRisk.Profile(
                age, resident.sex(), r.systolic(), r.diastolic(), null, null, false, false, null));
    if (outcome == Screening.Outcome.NORMAL && !factors.isEmpty()) {
      flag(resident.id(), Disease.HYPERTENSION, factors, actor.facilityCode(), on);
    }
    audit.describe("CHRONIC_SCREEN", "Resident", String.valueOf(resident.id()));
    return outcome;
  }

  /** Marks a high-risk resident with the factors found; the re-measurement date follows. */
  public Set<HighRisk.Factor> markHighRisk(
      Actor actor, long residentId, Disease disease, HighRisk.Profile profile, LocalDate on) {
    Access.require(actor, Privilege.CHRONIC_EDIT);
    ResidentSummary resident = access.resident(actor, residentId);
    Set<HighRisk.Factor> factors =
        disease == Disease.HYPERTENSION ? HighRisk.hypertensionFactors(profile) : Set.of();
    if (disease == Disease.HYPERTENSION && factors.isEmpty()) {
      throw new BusinessException("CHRONIC_NOT_HIGH_RISK", "未发现高血压高危因素");
    }
    flag(resident.id(), disease, factors, actor.facilityCode(), on);
    audit.describe("CHRONIC_HIGH_RISK", "Resident", String.valueOf(resident.id()));
    return factors;
  }

  private void flag(
      long residentId,
      Disease disease,
      Set<HighRisk.Factor> factors,
      String facility,
      LocalDate on) {
    String text =
        factors.isEmpty()
            ? "医生判定"
            : factors.stream().map(HighRisk.Factor::label).collect(Collectors.joining("、"));
    jdbc.sql("DELETE FROM chronic.high_risk WHERE resident_id = ? AND disease = ?")
        .params(residentId, disease.name())
        .update();
    jdbc.sql(
            "INSERT INTO chronic.high_risk (resident_id, original_resident_id, disease, factors,"
                + " facility_code, measured_on, next_measure_on, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(
            residentId,
            residentId,
            disease.name(),
            text,
            facility,
            on,
            HighRisk.nextMeasurement(disease, on),
            LocalDateTime.now())
        .update();
  }
}
