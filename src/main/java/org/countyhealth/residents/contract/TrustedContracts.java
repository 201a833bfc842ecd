package org.countyhealth.residents.contract;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.contract.rules.ContractPeriod;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.residents.record.ResidentRef;
import org.countyhealth.shared.BusinessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The {@link Contracts} facade: same rules as the pages, without data scope or audit. */
@Service
@Transactional
class TrustedContracts implements Contracts {

  private final ContractService contracts;
  private final KeyPopulations populations;
  private final ResidentAccess access;
  private final TeamDirectory teams;

  TrustedContracts(
      ContractService contracts,
      KeyPopulations populations,
      ResidentAccess access,
      TeamDirectory teams) {
    this.contracts = contracts;
    this.populations = populations;
    this.access = access;
    this.teams = teams;
  }

  @Override
  public long sign(
      long residentId,
      long teamId,
      String packageCode,
      LocalDate start,
      LocalDate end,
      String signedBy) {
    ResidentRef resident = access.requireTrusted(residentId);
    TeamRef team =
        teams
            .find(teamId)
            .filter(TeamRef::active)
            .orElseThrow(() -> new BusinessException("TEAM_NOT_FOUND", "未找到该家庭医生团队"));
    return contracts.insert(
        resident, team, packageCode, new ContractPeriod(start, end), null, signedBy);
  }

  @Override
  public long renew(long contractId, String packageCode, LocalDate today, String signedBy) {
    return contracts.renewTrusted(contracts.find(contractId), packageCode, today, signedBy);
  }

  @Override
  public void flag(long residentId, KeyPopulation population, String recordedBy) {
    access.requireTrusted(residentId);
    populations.recordTrusted(residentId, population.name(), recordedBy);
  }

  @Override
  @Transactional(readOnly = true)
  public Set<KeyPopulation> keyPopulations(long residentId, LocalDate on) {
    return populations.of(access.requireTrusted(residentId), on);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Long> teamNear(long residentId) {
    ResidentRef resident = access.requireTrusted(residentId);
    return teams.near(resident.townshipCode(), resident.facilityCode());
  }
}
