package org.countyhealth.residents.record;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Fixtures of the health-record and contract ITs, inserted with JdbcClient: a fictional division
 * and facilities of their own (so that other data of the test database never enters the counts),
 * residents, a family-doctor team.
 */
public final class RecordFixtures {

  public static final String TOWNSHIP_A = "TREC-TOWN-A";
  public static final String TOWNSHIP_B = "TREC-TOWN-B";
  public static final String VILLAGE_A1 = "TREC-VIL-A1";
  public static final String OUTSIDE = "TREC-TOWN-X";
  private static final AtomicInteger SEQ = new AtomicInteger();

  private final JdbcClient jdbc;

  public RecordFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql(
            "INSERT INTO organization.division (code, name, level) SELECT '999901', '测试县', 3"
                + " WHERE NOT EXISTS (SELECT 1 FROM organization.division WHERE code = '999901')")
        .update();
    facility(TOWNSHIP_A, "测试甲镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
    facility(TOWNSHIP_B, "测试乙镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
    facility(VILLAGE_A1, "测试甲一村卫生站", "VILLAGE_CLINIC", TOWNSHIP_A);
    facility(OUTSIDE, "测试外镇卫生院", "TOWNSHIP_HEALTH_CENTRE", null);
  }

  public void facility(String code, String name, String type, String parent) {
    jdbc.sql(
            "INSERT INTO organization.facility (licence_code, name, type, parent_code,"
                + " division_code, created_at, updated_at) SELECT ?, ?, ?, ?, '999901', ?, ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM organization.facility WHERE licence_code = ?)")
        .params(code, name, type, parent, LocalDateTime.now(), LocalDateTime.now(), code)
        .update();
  }

  /**
   * A doctor of the township with the privileges of the record and its scope (A and its village).
   */
  public static Actor doctorOfA() {
    return new Actor(
        1L,
        "doctor-a",
        "甲镇医生",
        null,
        TOWNSHIP_A,
        Set.of("DOCTOR"),
        Set.of("RESIDENT_VIEW", "RESIDENT_EDIT", "INDICATOR_VIEW"),
        DataScope.of(Set.of(TOWNSHIP_A, VILLAGE_A1)));
  }

  public static Actor supervisor() {
    return new Actor(
        2L,
        "supervisor",
        "县卫健局",
        null,
        TOWNSHIP_A,
        Set.of("SUPERVISOR"),
        Set.of("RESIDENT_VIEW", "INDICATOR_VIEW"),
        DataScope.of(Set.of(TOWNSHIP_A, TOWNSHIP_B, VILLAGE_A1)));
  }

  public long resident(String name, String sex, LocalDate birth, String township, String village) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO residents.resident (name, sex, birth_date, division_code, village,"
                + " village_clinic_code, township_code, facility_code, created_at, updated_at)"
                + " VALUES (?, ?, ?, '999901100201', '测试村', ?, ?, ?, ?, ?)")
        .params(
            name + SEQ.incrementAndGet(),
            sex,
            birth,
            village,
            township,
            village != null ? village : township,
            LocalDateTime.now(),
            LocalDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public long team(String facilityCode, String name) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO organization.staff (facility_code, name, sex, profession, title,"
                + " created_at) VALUES (?, '团队长', '1', 'GENERAL_PRACTITIONER', 'PHYSICIAN', ?)")
        .params(facilityCode, LocalDateTime.now())
        .update(keys, "id");
    long leader = keys.getKey().longValue();
    var teamKeys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO organization.family_doctor_team (facility_code, name, leader_id,"
                + " created_at) VALUES (?, ?, ?, ?)")
        .params(facilityCode, name, leader, LocalDateTime.now())
        .update(teamKeys, "id");
    return teamKeys.getKey().longValue();
  }
}
