package org.countyhealth.residents.contract;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.organization.Facilities;
import org.countyhealth.organization.FacilitySummary;
import org.countyhealth.residents.contract.rules.AgeGroups;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contract indicators per township centre, set-based: one grouped query for coverage and one for
 * renewals, both filtered by data scope in SQL. Residents are counted where they live (their
 * township centre), whatever team they signed with. Age groups use the cut-off dates of {@link
 * AgeGroups}, so that SQL and the rule agree.
 */
@Service
@Transactional(readOnly = true)
public class ContractIndicators {

  /** Rows per township centre and the total of the scope. */
  public record Report(
      LocalDate asOf, LocalDate from, LocalDate to, List<IndicatorRow> rows, IndicatorRow total) {

    /** The rows followed by the total, for the table. */
    public List<IndicatorRow> rowsWithTotal() {
      List<IndicatorRow> all = new ArrayList<>(rows);
      all.add(total);
      return all;
    }
  }

  private static final String IN_FORCE =
      "EXISTS (SELECT 1 FROM residents.contract c WHERE c.resident_id = r.id"
          + " AND c.start_date <= ? AND c.effective_end >= ?)";
  private static final String KEY =
      "((r.birth_date > ? AND r.birth_date <= ?) OR r.birth_date <= ? OR EXISTS (SELECT 1 FROM"
          + " residents.key_population_flag f WHERE f.resident_id = r.id AND f.status = 'ACTIVE'))";

  private final JdbcClient jdbc;
  private final Facilities facilities;

  ContractIndicators(JdbcClient jdbc, Facilities facilities) {
    this.jdbc = jdbc;
    this.facilities = facilities;
  }

  public Report compute(DataScope scope, LocalDate asOf, LocalDate from, LocalDate to) {
    ResidentAccess.Condition visible = ResidentAccess.scope(scope, "r");
    List<Object> keyParams =
        List.of(AgeGroups.childrenBornAfter(asOf), asOf, AgeGroups.elderlyBornOnOrBefore(asOf));
    List<Object> params = new ArrayList<>();
    params.addAll(List.of(asOf, asOf));
    params.addAll(keyParams);
    params.addAll(keyParams);
    params.addAll(List.of(asOf, asOf));
    params.addAll(visible.params());
    Map<String, IndicatorRow> rows = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT r.township_code, COUNT(*) AS residents,"
                + " SUM(CASE WHEN "
                + IN_FORCE
                + " THEN 1 ELSE 0 END) AS contracted,"
                + " SUM(CASE WHEN "
                + KEY
                + " THEN 1 ELSE 0 END) AS key_population,"
                + " SUM(CASE WHEN "
                + KEY
                + " AND "
                + IN_FORCE
                + " THEN 1 ELSE 0 END) AS key_contracted"
                + " FROM residents.resident r WHERE r.status = 'ACTIVE' AND "
                + visible.sql()
                + " GROUP BY r.township_code ORDER BY r.township_code")
        .params(params)
        .query(
            (rs, i) ->
                new IndicatorRow(
                    rs.getString(1),
                    null,
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    0,
                    0))
        .list()
        .forEach(row -> rows.put(String.valueOf(row.facilityCode()), row));
    List<Object> renewalParams = new ArrayList<>(List.of(from, to));
    renewalParams.addAll(visible.params());
    jdbc.sql(
            "SELECT r.township_code, COUNT(*) AS ending, SUM(CASE WHEN EXISTS (SELECT 1 FROM"
                + " residents.contract n WHERE n.previous_id = c.id) THEN 1 ELSE 0 END) AS renewed"
                + " FROM residents.contract c JOIN residents.resident r ON r.id = c.resident_id"
                + " WHERE c.status <> 'TERMINATED' AND c.end_date BETWEEN ? AND ?"
                + " AND r.status = 'ACTIVE' AND "
                + visible.sql()
                + " GROUP BY r.township_code")
        .params(renewalParams)
        .query(
            (rs, i) ->
                new IndicatorRow(rs.getString(1), null, 0, 0, 0, 0, rs.getLong(2), rs.getLong(3)))
        .list()
        .forEach(row -> rows.merge(String.valueOf(row.facilityCode()), row, IndicatorRow::plus));
    List<IndicatorRow> named =
        rows.values().stream()
            .map(
                r ->
                    new IndicatorRow(
                        r.facilityCode(),
                        name(r.facilityCode()),
                        r.residents(),
                        r.contracted(),
                        r.keyPopulation(),
                        r.keyContracted(),
                        r.ending(),
                        r.renewed()))
            .toList();
    IndicatorRow total =
        named.stream().reduce(new IndicatorRow(null, "合计", 0, 0, 0, 0, 0, 0), (a, b) -> a.plus(b));
    return new Report(asOf, from, to, named, total);
  }

  private String name(String code) {
    return code == null
        ? "未指定乡镇卫生院"
        : facilities.find(code).map(FacilitySummary::name).orElse(code);
  }
}
