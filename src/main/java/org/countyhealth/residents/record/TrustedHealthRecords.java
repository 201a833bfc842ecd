package org.countyhealth.residents.record;

import java.time.LocalDate;
import org.countyhealth.residents.HealthRecords;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link HealthRecords} facade: same rules as the pages, without data scope or audit. */
@Service
@Transactional
class TrustedHealthRecords implements HealthRecords {

  private final HealthRecordService records;
  private final CheckUpService checkUps;
  private final ResidentAccess access;

  TrustedHealthRecords(
      HealthRecordService records, CheckUpService checkUps, ResidentAccess access) {
    this.records = records;
    this.checkUps = checkUps;
    this.access = access;
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
