package org.countyhealth.chronic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import org.countyhealth.IntegrationTest;
import org.countyhealth.chronic.domain.Indicators;
import org.countyhealth.shared.Actor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class IndicatorsIT {

  @Autowired JdbcClient jdbc;
  @Autowired ChronicCare care;
  @Autowired Indicators indicators;

  @Test
  void standardManagementAndControlAtTheLatestVisitOfAPastYear() {
    var fx = new ChronicFixtures(jdbc);
    String clinic = "CHR-IND-" + System.nanoTime() % 1_000_000;
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code, division_code,"
                + " created_at, updated_at) SELECT ?, '指标测试村卫生站', 'VILLAGE_CLINIC', ?, division_code, ?, ?"
                + " FROM organization.facility WHERE licence_code = ?")
        .params(clinic, fx.township, LocalDateTime.now(), LocalDateTime.now(), fx.township)
        .update();
    Actor doctor =
        new Actor(
            9L,
            "chronic-it",
            "指标测试",
            fx.staffId,
            fx.township,
            Set.of("DOCTOR"),
            Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "INDICATOR_VIEW"),
            org.countyhealth.shared.DataScope.of(Set.of(fx.township, fx.village, clinic)));
    int year = LocalDate.now().getYear() - 1;
    LocalDate jan = LocalDate.of(year, 1, 10);
    // A: a clinic visit every quarter, controlled at the last → standard and controlled.
    long a = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    for (int q = 0; q < 4; q++) {
      care.recordFollowUp(
          doctor, ChronicFixtures.bp(a, jan.plusMonths(3L * q), q == 3 ? 130 : 155, 85));
    }
    // B: misses the third quarter, uncontrolled at the last visit (65 years old: limit 150/90).
    long b = enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan, 130, 80));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan.plusMonths(3), 130, 80));
    care.recordFollowUp(doctor, ChronicFixtures.bp(b, jan.plusMonths(9), 155, 80));
    // C: no visit at all → neither.
    enrol(doctor, fx, clinic, LocalDate.of(year - 1, 6, 1));

    var row =
        indicators.year(doctor, year, LocalDate.now()).stream()
            .filter(r -> r.facilityCode().equals(clinic))
            .findFirst()
            .orElseThrow();
    assertThat(row.managed()).isEqualTo(3);
    assertThat(row.standard()).isEqualTo(1);
    assertThat(row.controlled()).isEqualTo(1);
    assertThat(row.standardRate()).isEqualTo(33.3);

    // Cohort view today: A and B visited last year only → no visit in 3 months; C never visited.
    var cohort =
        indicators.cohort(doctor, LocalDate.now()).stream()
            .filter(c -> c.facilityCode().equals(clinic))
            .findFirst()
            .orElseThrow();
    assertThat(cohort.patients()).isEqualTo(3);
    assertThat(cohort.noVisit3m()).isEqualTo(3);
    assertThat(cohort.controlled3m()).isZero();
    var rounding =
        indicators.rounding(doctor, year).stream()
            .filter(r -> r.facilityCode().equals(fx.township))
            .findFirst()
            .orElseThrow();
    assertThat(rounding.below())
        .isGreaterThanOrEqualTo(3); // 130 three times (A's last, B's first two)
  }

  long enrol(Actor doctor, ChronicFixtures fx, String clinic, LocalDate on) {
    long resident = fx.resident(LocalDate.of(1960, 1, 1));
    return care.enrol(
        doctor, new EnrolmentRequest(resident, Disease.HYPERTENSION, on, null, clinic, fx.staffId));
  }
}
