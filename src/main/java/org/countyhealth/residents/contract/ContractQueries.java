package org.countyhealth.residents.contract;

import java.util.ArrayList;
import java.util.List;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The contracts list of a team or facility, within the data scope (residents' and teams'). */
@Service
@Transactional(readOnly = true)
public class ContractQueries {

  static final int LIMIT = 200;

  private final JdbcClient jdbc;

  ContractQueries(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first, at most {@value #LIMIT}; {@code inForceOn} null lists every state. */
  public List<ContractView> list(
      DataScope scope, Long teamId, String facilityCode, java.time.LocalDate inForceOn) {
    ResidentAccess.Condition visible = ResidentAccess.scope(scope, "r");
    StringBuilder where = new StringBuilder(" WHERE ").append(visible.sql());
    List<Object> params = new ArrayList<>(visible.params());
    if (teamId != null) {
      where.append(" AND c.team_id = ?");
      params.add(teamId);
    }
    if (facilityCode != null && !facilityCode.isBlank()) {
      where.append(" AND c.facility_code = ?");
      params.add(facilityCode);
    }
    if (inForceOn != null) {
      where.append(" AND c.start_date <= ? AND c.effective_end >= ?");
      params.add(inForceOn);
      params.add(inForceOn);
    }
    return jdbc.sql(
            ContractService.SELECT
                + where
                + " ORDER BY c.start_date DESC, c.id DESC FETCH FIRST "
                + LIMIT
                + " ROWS ONLY")
        .params(params)
        .query(ContractService::view)
        .list();
  }
}
