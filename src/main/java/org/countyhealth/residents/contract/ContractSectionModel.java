package org.countyhealth.residents.contract;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.record.ResidentAccess;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Summary for the contracts section of the resident page (fragment {@code contracts} of {@code
 * residents/record/sections}): the contract in force today and the key populations. As with the
 * other sections, the resident page has decided access already.
 */
@Component
@Transactional(readOnly = true)
public class ContractSectionModel {

  private final JdbcClient jdbc;
  private final ResidentAccess access;
  private final KeyPopulations populations;

  ContractSectionModel(JdbcClient jdbc, ResidentAccess access, KeyPopulations populations) {
    this.jdbc = jdbc;
    this.access = access;
    this.populations = populations;
  }

  public Map<String, Object> model(long residentId) {
    LocalDate today = LocalDate.now();
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("residentId", residentId);
    model.put(
        "populations",
        populations.of(access.requireTrusted(residentId), today).stream()
            .map(KeyPopulation::label)
            .toList());
    jdbc
        .sql(
            ContractService.SELECT
                + " WHERE c.resident_id = ? AND c.start_date <= ? AND c.effective_end >= ?"
                + " ORDER BY c.start_date DESC")
        .params(residentId, today, today)
        .query(ContractService::view)
        .list()
        .stream()
        .findFirst()
        .ifPresent(c -> model.put("contract", c));
    return model;
  }
}
