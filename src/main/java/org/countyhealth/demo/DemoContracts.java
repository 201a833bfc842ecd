package org.countyhealth.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.countyhealth.residents.Contracts;
import org.countyhealth.residents.HealthRecords;
import org.countyhealth.residents.KeyPopulation;

/**
 * Family-doctor contracts and yearly check-ups of the synthetic county, through the residents
 * facades only. About 60 % of residents sign (80 % of key populations, 45 % of others); one signer
 * in six renewed last year's contract; every resident of 65 or more has this year's check-up.
 * Deterministic for a given {@link Random}.
 */
class DemoContracts {

  private static final String BY = "demo";

  private final Contracts contracts;
  private final HealthRecords records;

  DemoContracts(Contracts contracts, HealthRecords records) {
    this.contracts = contracts;
    this.records = records;
  }

  /** Creates contracts and check-ups; answers how many contracts were signed. */
  int create(List<Long> residentIds, List<Long> teamIds, Random random, LocalDate today) {
    int signed = 0;
    for (long resident : residentIds) {
      Set<KeyPopulation> populations = contracts.keyPopulations(resident, today);
      if (populations.contains(KeyPopulation.ELDERLY_65)) {
        checkUp(resident, random, today);
      }
      double chance = populations.isEmpty() ? 0.45 : 0.80;
      if (teamIds.isEmpty() || random.nextDouble() >= chance) {
        continue;
      }
      long team = contracts.teamNear(resident).orElse(teamIds.get(random.nextInt(teamIds.size())));
      String pkg = packageFor(populations);
      if (random.nextInt(6) == 0) {
        // Last year's contract, ending within the renewal window, renewed today.
        LocalDate start = today.minusDays(300 + random.nextInt(60));
        long previous = contracts.sign(resident, team, pkg, start, null, BY);
        contracts.renew(previous, pkg, today, BY);
      } else {
        contracts.sign(resident, team, pkg, today.minusDays(random.nextInt(330)), null, BY);
      }
      signed++;
    }
    return signed;
  }

  static String packageFor(Set<KeyPopulation> populations) {
    if (populations.contains(KeyPopulation.CHILD_0_6)) {
      return "CHILD";
    }
    if (populations.contains(KeyPopulation.PREGNANT)) {
      return "MATERNAL";
    }
    if (populations.contains(KeyPopulation.HYPERTENSION)
        || populations.contains(KeyPopulation.DIABETES)) {
      return "CHRONIC";
    }
    if (populations.contains(KeyPopulation.ELDERLY_65)) {
      return "ELDERLY";
    }
    return "BASIC";
  }

  private void checkUp(long resident, Random random, LocalDate today) {
    BigDecimal height = BigDecimal.valueOf(150 + random.nextInt(25));
    BigDecimal bmi = BigDecimal.valueOf(19 + random.nextDouble() * 10);
    BigDecimal metres = height.movePointLeft(2);
    BigDecimal weight = bmi.multiply(metres).multiply(metres).setScale(1, RoundingMode.HALF_UP);
    int sbp = 110 + random.nextInt(60);
    int dbp = Math.min(sbp - 30, 65 + random.nextInt(30));
    records.recordCheckUp(
        new HealthRecords.NewCheckUp(
            resident,
            today.minusDays(random.nextInt(Math.max(1, today.getDayOfYear()))),
            null,
            "体检医生",
            height,
            weight,
            BigDecimal.valueOf(70 + random.nextInt(30)),
            sbp,
            dbp,
            null,
            null,
            60 + random.nextInt(30),
            new BigDecimal("36.5"),
            BY));
  }
}
