package org.countyhealth.referral;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.organization.TestActors;
import org.countyhealth.referral.domain.NewReferral;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Privilege;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/** The small demo county of the test context, seen by the referral tests. */
public final class ReferralFixtures {

  static final AtomicInteger SEQ = new AtomicInteger();

  private final JdbcClient jdbc;
  public final String lead;
  public final String township;
  public final String otherTownship;
  public final String village;
  public final String external;

  public ReferralFixtures(JdbcClient jdbc) {
    this.jdbc = jdbc;
    lead = code("LEAD_HOSPITAL");
    List<String> townships = codes("TOWNSHIP_HEALTH_CENTRE");
    township = townships.get(0);
    otherTownship = townships.get(1);
    village =
        jdbc.sql(
                "SELECT licence_code FROM organization.facility WHERE parent_code = ?"
                    + " AND type = 'VILLAGE_CLINIC' ORDER BY licence_code LIMIT 1")
            .param(township)
            .query(String.class)
            .single();
    external = code("EXTERNAL_TERTIARY_HOSPITAL");
  }

  private String code(String type) {
    return codes(type).get(0);
  }

  private List<String> codes(String type) {
    return jdbc.sql(
            // The demo county's facilities (licence codes ZJ…), not other tests' fixtures.
            "SELECT licence_code FROM organization.facility WHERE type = ? AND active"
                + " AND licence_code LIKE 'ZJ%' ORDER BY licence_code")
        .param(type)
        .query(String.class)
        .list();
  }

  /** A resident of the first township's first village clinic. */
  public long resident(String name) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO residents.resident (name, sex, birth_date, village_clinic_code,"
                + " township_code, facility_code, created_at, updated_at)"
                + " VALUES (?, '1', ?, ?, ?, ?, ?, ?)")
        .params(
            name + SEQ.incrementAndGet(),
            LocalDate.of(1958, 5, 1),
            village,
            township,
            village,
            LocalDateTime.now(),
            LocalDateTime.now())
        .update(keys, "id");
    return keys.getKey().longValue();
  }

  public long staffOf(String facility) {
    return jdbc.sql("SELECT MIN(id) FROM organization.staff WHERE facility_code = ?")
        .param(facility)
        .query(Long.class)
        .single();
  }

  /** An up-referral of a hypertensive patient from the township centre to the lead hospital. */
  NewReferral hypertensionUp(long patient) {
    return new NewReferral(
        Direction.UP,
        patient,
        township,
        "全科",
        lead,
        "心血管内科",
        "明确诊断",
        "血压控制不满意。",
        "I10",
        "原发性高血压",
        List.of("HTN_UP_4"),
        false,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  public static Actor doctorOf(String facility) {
    return TestActors.actor(
        "doctor-" + facility,
        facility,
        DataScope.of(List.of(facility)),
        Privilege.REFERRAL_CREATE,
        Privilege.RESIDENT_VIEW);
  }

  public static Actor officeOf(String facility) {
    return TestActors.actor(
        "office-" + facility,
        facility,
        DataScope.of(List.of(facility)),
        Privilege.REFERRAL_PROCESS,
        Privilege.RESIDENT_VIEW);
  }

  /** The department head of a county facility: approves down-referrals (line 610). */
  public static Actor headOf(String facility) {
    return TestActors.actor(
        "head-" + facility,
        facility,
        DataScope.of(List.of(facility)),
        Privilege.REFERRAL_TREAT,
        Privilege.REFERRAL_APPROVE,
        Privilege.RESIDENT_VIEW);
  }

  public long slot(String facility) {
    return jdbc.sql(
                    "INSERT INTO referral.resource (facility_code, kind, department, name, starts_at,"
                        + " capacity) VALUES (?, 'CLINIC_SLOT', '心血管内科', '高血压专家门诊', ?, 1)")
                .params(facility, LocalDateTime.now().plusDays(1))
                .update()
            == 1
        ? jdbc.sql("SELECT MAX(id) FROM referral.resource").query(Long.class).single()
        : -1;
  }

  public long count(String table) {
    return jdbc.sql("SELECT COUNT(*) FROM referral." + table).query(Long.class).single();
  }
}
