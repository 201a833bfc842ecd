package org.countyhealth.residents.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.ResidentDemographics;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Demographics and identifier lookups for other modules (the FHIR Patient), scoped in SQL. */
@Repository
class DemographicsRows {

  private final JdbcClient jdbc;
  private final IdentifierRows identifiers;

  DemographicsRows(JdbcClient jdbc, IdentifierRows identifiers) {
    this.jdbc = jdbc;
    this.identifiers = identifiers;
  }

  Optional<ResidentDemographics> demographics(long id, DataScope scope) {
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("id", id);
    return jdbc.sql(
            "SELECT r.id, r.name, r.sex, r.birth_date, r.ethnicity, r.phone, r.address,"
                + " r.division_code, r.village, r.residence_type, r.facility_code,"
                + " r.village_clinic_code, r.township_code, r.family_doctor_id"
                + " FROM residents.resident r WHERE r.id = :id AND r.status = 'ACTIVE' AND "
                + s.sql())
        .params(params)
        .query(
            (rs, n) ->
                new ResidentDemographics(
                    rs.getLong("id"),
                    rs.getString("name"),
                    rs.getString("sex"),
                    rs.getObject("birth_date", LocalDate.class),
                    rs.getString("ethnicity"),
                    rs.getString("phone"),
                    rs.getString("address"),
                    rs.getString("division_code"),
                    rs.getString("village"),
                    rs.getString("residence_type"),
                    rs.getString("facility_code"),
                    rs.getString("village_clinic_code"),
                    rs.getString("township_code"),
                    rs.getObject("family_doctor_id", Long.class),
                    List.of()))
        .optional()
        .map(
            d ->
                new ResidentDemographics(
                    d.id(),
                    d.name(),
                    d.sex(),
                    d.birthDate(),
                    d.ethnicity(),
                    d.phone(),
                    d.address(),
                    d.divisionCode(),
                    d.village(),
                    d.residenceType(),
                    d.facilityCode(),
                    d.villageClinicCode(),
                    d.townshipCode(),
                    d.familyDoctorId(),
                    identifiers.of(d.id())));
  }

  /**
   * One window of the holders of an identifier, born within the range when given, and the total.
   */
  Slice<ResidentSummary> byIdentifier(
      IdentifierType type,
      String issuer,
      String value,
      LocalDate bornFrom,
      LocalDate bornTo,
      DataScope scope,
      Window window) {
    if (type == null || value == null || value.isBlank()) {
      return new Slice<>(List.of(), 0);
    }
    IdentifierValue wanted = new IdentifierValue(type, issuer, value);
    ResidentScope s = ResidentScope.of(scope, "r");
    Map<String, Object> params = new HashMap<>(s.params());
    params.put("type", type.name());
    params.put("value", wanted.value());
    params.put("limit", window.count());
    params.put("offset", window.offset());
    String conditions = "";
    if (!wanted.issuer().isEmpty()) {
      conditions = " AND i.issuer = :issuer";
      params.put("issuer", wanted.issuer());
    }
    conditions += ")";
    if (bornFrom != null) {
      conditions += " AND r.birth_date >= :bornFrom";
      params.put("bornFrom", bornFrom);
    }
    if (bornTo != null) {
      conditions += " AND r.birth_date <= :bornTo";
      params.put("bornTo", bornTo);
    }
    String from =
        " FROM residents.resident r"
            + " WHERE r.status = 'ACTIVE' AND r.id IN (SELECT i.resident_id FROM"
            + " residents.identifier i WHERE i.active_token = 1 AND i.type = :type AND"
            + " i.id_value = :value"
            + conditions
            + " AND "
            + s.sql();
    long total = jdbc.sql("SELECT COUNT(*)" + from).params(params).query(Long.class).single();
    List<ResidentSummary> rows =
        jdbc.sql(
                "SELECT r.id, r.name, r.sex, r.birth_date, r.facility_code, r.village_clinic_code,"
                    + " r.township_code, r.family_doctor_id"
                    + from
                    + " ORDER BY r.id LIMIT :limit OFFSET :offset")
            .params(params)
            .query((rs, n) -> ResidentRows.summary(rs))
            .list();
    return new Slice<>(rows, total);
  }

  Optional<Long> holderOf(IdentifierValue id) {
    return Optional.ofNullable(identifiers.owners(List.of(id)).get(id));
  }
}
