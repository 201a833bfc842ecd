package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.countyhealth.IntegrationTest;
import org.countyhealth.demo.DemoChronic;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DemoChronicIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;

  @Test
  void generatesEnrolmentsAndAYearOfFollowUpsThroughTheFacade() {
    var fx = new ChronicFixtures(jdbc);
    LocalDate today = LocalDate.now();
    Random random = new Random(42);
    List<DemoChronic.Person> people = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      LocalDate birth = today.minusYears(36 + random.nextInt(50)).minusDays(random.nextInt(365));
      people.add(
          new DemoChronic.Person(fx.resident(birth), birth, fx.village, fx.township, fx.staffId));
    }
    var summary = new DemoChronic(care).generate(new Random(7), people, today);
    assertThat(summary.hypertension()).isBetween(6, 30);
    assertThat(summary.followUps()).isGreaterThan(summary.hypertension());
    long first = people.get(0).id();
    long last = people.get(people.size() - 1).id();
    assertThat(
            jdbc.sql(
                    "SELECT COUNT(DISTINCT classification) FROM chronic.follow_up WHERE resident_id BETWEEN ? AND ?")
                .params(first, last)
                .query(Long.class)
                .single())
        .isGreaterThanOrEqualTo(3);
  }
}
