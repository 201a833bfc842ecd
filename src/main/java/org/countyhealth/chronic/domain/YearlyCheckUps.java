package org.countyhealth.chronic.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.chronic.rules.YearlyCheckUp;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.HealthRecords.CheckUpSummary;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly health check of managed patients (000_65944b5c5b97f013.txt lines 144–145), read from
 * the residents' health record through its facade: the latest check-up on the patient's panel and
 * the list of managed patients with none in the last 12 months.
 */
@Service
@Transactional(readOnly = true)
public class YearlyCheckUps {

  /** What the panel shows: the latest check-up (if any) and whether one is owed. */
  public record Panel(Optional<CheckUpSummary> latest, boolean owed, LocalDate dueBy) {}

  /** A managed patient without a check-up in the last 12 months. */
  public record Owed(
      long residentId,
      String name,
      LocalDate birthDate,
      String diseases,
      String facilityCode,
      LocalDate latest) {}

  private final JdbcClient jdbc;
  private final Access access;
  private final HealthRecords records;
  private final AuditTrail audit;

  YearlyCheckUps(JdbcClient jdbc, Access access, HealthRecords records, AuditTrail audit) {
    this.jdbc = jdbc;
    this.access = access;
    this.records = records;
    this.audit = audit;
  }

  public Panel panel(Actor actor, long residentId, LocalDate today) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    long id = access.resident(actor, residentId).id();
    Optional<CheckUpSummary> latest = records.latestCheckUp(id);
    LocalDate on = latest.map(CheckUpSummary::examDate).orElse(null);
    return new Panel(latest, YearlyCheckUp.owed(on, today), YearlyCheckUp.dueBy(on, today));
  }

  /**
   * Managed patients in the actor's scope (by responsible facility) owing a check-up, never-checked
   * first, then the longest ago; at most 2,000 patients are considered.
   */
  public List<Owed> owed(Actor actor, LocalDate today) {
    Access.require(actor, Privilege.CHRONIC_VIEW);
    if (!actor.scope().all() && actor.scope().licenceCodes().isEmpty()) {
      return List.of();
    }
    var spec =
        jdbc.sql(
            "SELECT e.resident_id, r.name, r.birth_date, e.disease, e.responsible_facility_code"
                + " FROM chronic.enrolment e JOIN residents.resident r ON r.id = e.resident_id"
                + " WHERE e.status = 'MANAGED'"
                + (actor.scope().all() ? "" : " AND e.responsible_facility_code IN (:codes)")
                + " ORDER BY e.resident_id LIMIT 4000");
    if (!actor.scope().all()) {
      spec = spec.param("codes", List.copyOf(actor.scope().licenceCodes()));
    }
    Map<Long, Owed> patients = new HashMap<>();
    spec.query(
            (rs, i) ->
                patients.merge(
                    rs.getLong(1),
                    new Owed(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, LocalDate.class),
                        "DIABETES".equals(rs.getString(4)) ? "2型糖尿病" : "高血压",
                        rs.getString(5),
                        null),
                    (a, b) ->
                        new Owed(
                            a.residentId(),
                            a.name(),
                            a.birthDate(),
                            a.diseases() + "、" + b.diseases(),
                            a.facilityCode(),
                            null)))
        .list();
    List<Long> ids = new ArrayList<>(patients.keySet());
    Map<Long, LocalDate> latest = new HashMap<>();
    for (int from = 0; from < ids.size(); from += 1000) {
      latest.putAll(
          records.latestCheckUpDates(ids.subList(from, Math.min(ids.size(), from + 1000))));
    }
    audit.describe("CHRONIC_CHECKUP_WORKLIST", "Worklist", actor.facilityCode());
    return patients.values().stream()
        .filter(p -> YearlyCheckUp.owed(latest.get(p.residentId()), today))
        .map(
            p ->
                new Owed(
                    p.residentId(),
                    p.name(),
                    p.birthDate(),
                    p.diseases(),
                    p.facilityCode(),
                    latest.get(p.residentId())))
        .sorted(
            Comparator.comparing(
                    Owed::latest, Comparator.nullsFirst(Comparator.<LocalDate>naturalOrder()))
                .thenComparing(Owed::name))
        .limit(2000)
        .toList();
  }
}
