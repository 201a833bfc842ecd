package org.countyhealth.residents.record;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.countyhealth.residents.PastIllnesses;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link PastIllnesses} over the past-history entries of the health record ({@code RecordEntries}).
 */
@Service
@Transactional
class RecordIllnesses implements PastIllnesses {

  private static final String COLUMNS =
      "m.id, r.resident_id, m.name, m.occurred_on FROM residents.medical_history m"
          + " JOIN residents.health_record r ON r.id = m.record_id";

  private final JdbcClient jdbc;
  private final RecordEntries entries;
  private final ResidentAccess access;

  RecordIllnesses(JdbcClient jdbc, RecordEntries entries, ResidentAccess access) {
    this.jdbc = jdbc;
    this.entries = entries;
    this.access = access;
  }

  @Override
  public long add(Actor actor, long residentId, String name, LocalDate diagnosedOn) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_EDIT);
    access.require(actor, residentId);
    long recordId =
        jdbc
            .sql(
                "SELECT id FROM residents.health_record WHERE resident_id = ?"
                    + " AND status = 'ACTIVE' ORDER BY id DESC")
            .param(residentId)
            .query(Long.class)
            .list()
            .stream()
            .findFirst()
            .orElseThrow(
                () ->
                    new BusinessException(
                        "HEALTH_RECORD_REQUIRED", "该居民尚未建立健康档案，不能登记既往疾病", "residentId"));
    return entries.addMedical(actor, recordId, "ILLNESS", name, diagnosedOn);
  }

  @Override
  @Transactional(readOnly = true)
  public List<PastIllness> of(Actor actor, long residentId) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_VIEW);
    access.require(actor, residentId);
    return jdbc.sql(
            "SELECT "
                + COLUMNS
                + " WHERE r.resident_id = ? AND m.kind = 'ILLNESS' AND m.status = 'ACTIVE'"
                + " ORDER BY m.occurred_on, m.id")
        .param(residentId)
        .query(RecordIllnesses::illness)
        .list();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<PastIllness> find(Actor actor, long id) {
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_VIEW);
    return jdbc.sql(
            "SELECT " + COLUMNS + " WHERE m.id = ? AND m.kind = 'ILLNESS' AND m.status = 'ACTIVE'")
        .param(id)
        .query(RecordIllnesses::illness)
        .optional()
        .filter(
            p -> {
              try {
                access.require(actor, p.residentId());
                return true;
              } catch (NotFound e) {
                return false;
              }
            });
  }

  private static PastIllness illness(ResultSet rs, int row) throws SQLException {
    return new PastIllness(
        rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class));
  }
}
