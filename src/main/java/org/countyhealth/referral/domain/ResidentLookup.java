package org.countyhealth.referral.domain;

import java.time.LocalDate;
import java.util.Optional;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Patients from the resident index through the {@link Residents} facade. Stopgap: while the EMPI
 * implementation of that facade is merged in parallel, an active row of residents.resident (columns
 * of V2_0_0) answers instead; remove the fallback once the facade bean exists.
 */
@Component
class ResidentLookup {

  private final ObjectProvider<Residents> residents;
  private final JdbcClient jdbc;

  ResidentLookup(ObjectProvider<Residents> residents, JdbcClient jdbc) {
    this.residents = residents;
    this.jdbc = jdbc;
  }

  Optional<ResidentSummary> find(long id) {
    Residents facade = residents.getIfAvailable();
    if (facade != null) {
      return facade.find(id);
    }
    return jdbc.sql(
            "SELECT id, name, sex, birth_date, facility_code, village_clinic_code, township_code,"
                + " family_doctor_id FROM residents.resident WHERE id = ? AND status = 'ACTIVE'")
        .param(id)
        .query(
            (rs, i) ->
                new ResidentSummary(
                    rs.getLong(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    (Long) rs.getObject(8, Long.class)))
        .optional();
  }
}
