package org.countyhealth.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;
import org.countyhealth.IntegrationTest;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.shared.IdCardNumber;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoResidentsIT {

  @Autowired ResidentRegistry registry;
  @Autowired JdbcClient jdbc;

  @Test
  void generatesValidResidentsAndTheMatcherFindsTheInjectedDuplicates() {
    String run = "D" + ThreadLocalRandom.current().nextInt(100_000);
    List<String> clinics = new ArrayList<>();
    Map<String, String> township = new HashMap<>();
    for (int i = 0; i < 12; i++) {
      clinics.add(run + "VC" + i);
      township.put(run + "VC" + i, run + "TS" + (i % 4));
    }
    DemoResidents.Result result =
        new DemoResidents(registry, LocalDate.now())
            .generate(new Random(4242), clinics, township, 3000);

    assertThat(result.truth()).hasSizeGreaterThan(50);
    assertThat(result.idCards()).allMatch(IdCardNumber::isValid);
    assertThat(result.precision()).isGreaterThanOrEqualTo(0.98);
    assertThat(result.recall()).isGreaterThanOrEqualTo(0.93);
    long children =
        jdbc.sql(
                "SELECT COUNT(*) FROM residents.resident WHERE village_clinic_code LIKE ?"
                    + " AND birth_date > ?")
            .params(run + "%", LocalDate.now().minusYears(15))
            .query(Long.class)
            .single();
    long elderly =
        jdbc.sql(
                "SELECT COUNT(*) FROM residents.resident WHERE village_clinic_code LIKE ?"
                    + " AND birth_date <= ?")
            .params(run + "%", LocalDate.now().minusYears(65))
            .query(Long.class)
            .single();
    // A rural pyramid: many children and elderly.
    assertThat(children).isGreaterThan(450);
    assertThat(elderly).isGreaterThan(300);
  }
}
