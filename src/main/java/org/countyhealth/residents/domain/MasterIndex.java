package org.countyhealth.residents.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.countyhealth.residents.DuplicateScanReport;
import org.countyhealth.residents.IdentifierType;
import org.countyhealth.residents.IdentifierValue;
import org.countyhealth.residents.PotentialDuplicate;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.RegistrationRequest;
import org.countyhealth.residents.ResidentDemographics;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.ResidentSummary;
import org.countyhealth.residents.Residents;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The module's facade: registration with matching, merge and unmerge, and lookup by id. */
@Service
@Transactional
public class MasterIndex implements ResidentRegistry, Residents {

  private final Registration registration;
  private final Merges merges;
  private final JdbcClient jdbc;

  private final ResidentDirectory directory;
  private final DuplicateScan scan;
  private final DemographicsRows demographics;

  MasterIndex(
      Registration registration,
      Merges merges,
      JdbcClient jdbc,
      ResidentDirectory directory,
      DuplicateScan scan,
      DemographicsRows demographics) {
    this.demographics = demographics;
    this.registration = registration;
    this.merges = merges;
    this.jdbc = jdbc;
    this.directory = directory;
    this.scan = scan;
  }

  @Override
  @Transactional(readOnly = true)
  public List<ResidentSummary> search(
      String query, Integer birthYear, org.countyhealth.shared.DataScope scope, int limit) {
    return directory.search(query, birthYear, scope, limit).stream()
        .map(MasterIndex::summary)
        .toList();
  }

  @Override
  @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
  public DuplicateScanReport scanDuplicates() {
    DuplicateScan.Progress p = scan.runNow();
    return new DuplicateScanReport(p.total() / 3, p.pairsFound(), p.elapsedMillis());
  }

  @Override
  @Transactional(readOnly = true)
  public List<PotentialDuplicate> potentialDuplicates(int limit) {
    return jdbc.sql(
            "SELECT resident_id, candidate_id, score, source FROM residents.match_decision"
                + " WHERE review_status = 'PENDING' ORDER BY score DESC, id LIMIT ?")
        .param(limit)
        .query(
            (rs, n) ->
                new PotentialDuplicate(
                    rs.getLong(1), rs.getLong(2), rs.getDouble(3), rs.getString(4)))
        .list();
  }

  @Override
  public RegistrationOutcome register(RegistrationRequest request) {
    return registration.run(List.of(request), true).get(0);
  }

  @Override
  public List<RegistrationOutcome> registerAll(List<RegistrationRequest> requests) {
    return registration.run(requests, true);
  }

  @Override
  @Transactional(readOnly = true)
  public RegistrationOutcome preview(RegistrationRequest request) {
    return registration.run(List.of(request), false).get(0);
  }

  @Override
  public long merge(long survivorId, long mergedId, String reason, String actor) {
    return merges.merge(survivorId, mergedId, reason, actor);
  }

  @Override
  public void unmerge(long mergeId, String actor) {
    merges.unmerge(mergeId, actor);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<ResidentDemographics> demographics(long residentId, DataScope scope) {
    return demographics.demographics(residentId, scope);
  }

  @Override
  @Transactional(readOnly = true)
  public Slice<ResidentSummary> search(
      String query, LocalDate bornFrom, LocalDate bornTo, DataScope scope, Window window) {
    Slice<ResidentDetails> found = directory.search(query, bornFrom, bornTo, scope, window);
    return new Slice<>(found.items().stream().map(MasterIndex::summary).toList(), found.total());
  }

  private static ResidentSummary summary(ResidentDetails r) {
    return new ResidentSummary(
        r.id(),
        r.name(),
        r.sex(),
        r.birthDate(),
        r.facilityCode(),
        r.villageClinicCode(),
        r.townshipCode(),
        r.familyDoctorId());
  }

  @Override
  @Transactional(readOnly = true)
  public Slice<ResidentSummary> findByIdentifier(
      IdentifierType type,
      String issuer,
      String value,
      LocalDate bornFrom,
      LocalDate bornTo,
      DataScope scope,
      Window window) {
    return demographics.byIdentifier(type, issuer, value, bornFrom, bornTo, scope, window);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> holderOf(IdentifierValue identifier) {
    return demographics.holderOf(identifier);
  }

  private record Row(ResidentSummary summary, String status, Long mergedInto) {}

  @Override
  @Transactional(readOnly = true)
  public Optional<ResidentSummary> find(long residentId) {
    Long id = residentId;
    // Follow merges to the survivor (a chain is short: each hop is one merge).
    for (int hop = 0; hop < 20 && id != null; hop++) {
      Optional<Row> row =
          jdbc.sql(
                  "SELECT id, name, sex, birth_date, facility_code, village_clinic_code,"
                      + " township_code, family_doctor_id, status, merged_into"
                      + " FROM residents.resident WHERE id = ?")
              .param(id)
              .query(
                  (rs, n) ->
                      new Row(
                          ResidentRows.summary(rs),
                          rs.getString("status"),
                          rs.getObject("merged_into", Long.class)))
              .optional();
      if (row.isEmpty()) {
        return Optional.empty();
      }
      if ("ACTIVE".equals(row.get().status())) {
        return Optional.of(row.get().summary());
      }
      id = "MERGED".equals(row.get().status()) ? row.get().mergedInto() : null;
    }
    return Optional.empty();
  }
}
