package org.countyhealth.chronic;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** Fixtures of the chronic ITs: facilities of the demo county, residents inserted directly. */
final class ChronicFixtures {

  private static final AtomicInteger SEQ = new AtomicInteger();

  final JdbcClient jdbc;
  final String village;
  final String township;
  final String otherTownship;
  final String county;
  final long staffId;

  ChronicFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.village =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type = 'VILLAGE_CLINIC'"
                    + " AND licence_code LIKE 'ZJ%' ORDER BY licence_code LIMIT 1")
            .query(String.class)
            .single();
    this.township =
        jdbc.sql("SELECT parent_code FROM organization.facility WHERE licence_code = ?")
            .param(village)
            .query(String.class)
            .single();
    this.otherTownship =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type ="
                    + " 'TOWNSHIP_HEALTH_CENTRE' AND licence_code <> ? AND licence_code LIKE 'ZJ%'"
                    + " ORDER BY licence_code LIMIT 1")
            .param(township)
            .query(String.class)
            .single();
    this.county =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE type = 'LEAD_HOSPITAL'"
                    + " AND licence_code LIKE 'ZJ%' LIMIT 1")
            .query(String.class)
            .single();
    this.staffId =
        jdbc.sql("SELECT MIN(id) FROM organization.staff WHERE facility_code = ?")
            .param(township)
            .query(Long.class)
            .single();
  }

  Actor doctor() {
    return actor(township, staffId, Set.of(township, village));
  }

  Actor outsider() {
    return actor(otherTownship, null, Set.of(otherTownship));
  }

  static Actor actor(String facility, Long staff, Set<String> scope) {
    return new Actor(
        9L,
        "chronic-it",
        "慢病测试医生",
        staff,
        facility,
        Set.of("DOCTOR"),
        Set.of("CHRONIC_VIEW", "CHRONIC_EDIT", "REFERRAL_CREATE", "RESIDENT_VIEW"),
        DataScope.of(scope));
  }

  long resident(LocalDate birth) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO residents.resident (name, sex, birth_date, village_clinic_code,"
                + " township_code, facility_code, created_at, updated_at)"
                + " VALUES (?, '1', ?, ?, ?, ?, ?, ?)")
        .params(
            "慢病测试" + SEQ.incrementAndGet(),
            birth,
            village,
            township,
            village,
            LocalDateTime.now(),
            LocalDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  static FollowUpRequest bp(long enrolment, LocalDate on, int s, int d) {
    return visit(enrolment, on, s, d, null, Set.of(), Adherence.REGULAR, Adverse.NONE, false);
  }

  static FollowUpRequest visit(
      long enrolment,
      LocalDate on,
      Integer s,
      Integer d,
      BigDecimal glucose,
      Set<Symptom> symptoms,
      Adherence adherence,
      Adverse adverse,
      boolean complication) {
    return new FollowUpRequest(
        enrolment,
        on,
        VisitMode.CLINIC,
        symptoms,
        null,
        Discomfort.NONE,
        s,
        d,
        new BigDecimal("70"),
        new BigDecimal("170"),
        72,
        null,
        glucose,
        null,
        0,
        0,
        3,
        30,
        "LIGHT",
        null,
        adherence,
        adverse,
        complication,
        false,
        "氨氯地平 5mg qd",
        true,
        null,
        null);
  }
}
