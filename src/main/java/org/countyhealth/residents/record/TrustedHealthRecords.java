package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.residents.HealthRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link HealthRecords} facade: same rules as the pages, without data scope or audit. */
@Service
@Transactional
class TrustedHealthRecords implements HealthRecords {

  private final HealthRecordService records;
  private final CheckUpService checkUps;
  private final ResidentAccess access;
  private final JdbcClient jdbc;

  TrustedHealthRecords(
      HealthRecordService records,
      CheckUpService checkUps,
      ResidentAccess access,
      JdbcClient jdbc) {
    this.records = records;
    this.checkUps = checkUps;
    this.access = access;
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<CheckUpSummary> latestCheckUp(long residentId) {
    return jdbc.sql(
            "SELECT id, exam_date, facility_code, doctor_name, sbp_left, dbp_left, bmi, waist_cm"
                + " FROM residents.check_up WHERE resident_id = ? AND status = 'ACTIVE'"
                + " ORDER BY exam_date DESC, id DESC LIMIT 1")
        .param(residentId)
        .query(
            (rs, i) ->
                new CheckUpSummary(
                    rs.getLong(1),
                    rs.getObject(2, LocalDate.class),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getInt(5),
                    rs.getInt(6),
                    rs.getBigDecimal(7),
                    rs.getBigDecimal(8)))
        .optional();
  }

  @Override
  @Transactional(readOnly = true)
  public Map<Long, LocalDate> latestCheckUpDates(Collection<Long> residentIds) {
    Map<Long, LocalDate> m = new HashMap<>();
    if (residentIds.isEmpty()) {
      return m;
    }
    if (residentIds.size() > 5000) {
      throw new IllegalArgumentException("at most 5,000 residents per call");
    }
    jdbc.sql(
            "SELECT resident_id, MAX(exam_date) FROM residents.check_up WHERE status = 'ACTIVE'"
                + " AND resident_id IN (:ids) GROUP BY resident_id")
        .param("ids", List.copyOf(residentIds))
        .query((rs, i) -> m.put(rs.getLong(1), rs.getObject(2, LocalDate.class)))
        .list();
    return m;
  }

  @Override
  public long establish(long residentId, String facilityCode, String doctorName, LocalDate on) {
    ResidentRef resident = access.requireTrusted(residentId);
    return records.insert(
        resident, facilityCode, null, doctorName, on, RecordInput.unknown(), "system");
  }

  @Override
  public long recordCheckUp(NewCheckUp c) {
    ResidentRef resident = access.requireTrusted(c.residentId());
    String facility =
        c.facilityCode() != null
            ? c.facilityCode()
            : resident.townshipCode() != null ? resident.townshipCode() : resident.facilityCode();
    return checkUps.insert(
        resident,
        new CheckUpInput(
            c.examDate(),
            c.heightCm(),
            c.weightKg(),
            c.waistCm(),
            c.sbpLeft(),
            c.dbpLeft(),
            c.sbpRight(),
            c.dbpRight(),
            c.heartRate(),
            c.temperature()),
        facility,
        null,
        c.doctorName(),
        c.recordedBy() == null ? "system" : c.recordedBy());
  }
}
