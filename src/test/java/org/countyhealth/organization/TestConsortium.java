package org.countyhealth.organization;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.countyhealth.organization.OrganizationRegistry.NewFacility;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;

/**
 * A small consortium built through the registry, with codes unique within the shared test database:
 * a lead hospital, a county hospital, grid A full with four township centres, grid B with one, a
 * village clinic under each of the first two centres, staff and one team.
 */
public final class TestConsortium {

  private static final int RUN = ThreadLocalRandom.current().nextInt(100, 999);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  public final long consortium;
  public final long gridA;
  public final long gridB;
  public final String lead;
  public final String county;
  public final String t1;
  public final String t2;
  public final String t3;
  public final String t4;
  public final String t5;
  public final String v1;
  public final String v2;
  public final long specialist;
  public final long gp1;
  public final long nurse1;
  public final long villageDoctor1;
  public final long villageDoctor2;
  public final long gp2;
  public final long team1;
  public final String tag;

  private TestConsortium(OrganizationRegistry registry) {
    tag = RUN + "-" + SEQUENCE.incrementAndGet();
    consortium = registry.createConsortium("测试医共体" + tag, "441621");
    gridA = registry.createGrid(consortium, "片区A" + tag);
    gridB = registry.createGrid(consortium, "片区B" + tag);
    lead = facility(registry, "总医院" + tag, FacilityType.LEAD_HOSPITAL, null, "441621", null);
    county =
        facility(registry, "县中医院" + tag, FacilityType.COUNTY_TCM_HOSPITAL, lead, "441621", null);
    t1 =
        facility(
            registry, "紫城卫生院" + tag, FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, "441621100", gridA);
    t2 =
        facility(
            registry, "龙窝卫生院" + tag, FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, "441621101", gridA);
    t3 =
        facility(
            registry, "九和卫生院" + tag, FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, "441621102", gridA);
    t4 =
        facility(
            registry, "上义卫生院" + tag, FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, "441621103", gridA);
    t5 =
        facility(
            registry, "蓝塘卫生院" + tag, FacilityType.TOWNSHIP_HEALTH_CENTRE, lead, "441621104", gridB);
    v1 = facility(registry, "东村卫生站" + tag, FacilityType.VILLAGE_CLINIC, t1, "441621100", null);
    v2 = facility(registry, "西村卫生站" + tag, FacilityType.VILLAGE_CLINIC, t2, "441621101", null);
    long cardiology = registry.addDepartment(lead, "XNK", "心血管内科");
    specialist =
        staff(
            registry,
            lead,
            cardiology,
            "王心" + tag,
            Profession.CLINICAL_PHYSICIAN,
            Title.CHIEF_PHYSICIAN);
    gp1 = staff(registry, t1, null, "李全" + tag, Profession.GENERAL_PRACTITIONER, Title.PHYSICIAN);
    nurse1 = staff(registry, t1, null, "赵护" + tag, Profession.NURSE, Title.NURSE);
    gp2 = staff(registry, t2, null, "钱全" + tag, Profession.GENERAL_PRACTITIONER, Title.PHYSICIAN);
    villageDoctor1 =
        staff(registry, v1, null, "张村" + tag, Profession.VILLAGE_DOCTOR, Title.VILLAGE_DOCTOR);
    villageDoctor2 =
        staff(registry, v2, null, "陈村" + tag, Profession.VILLAGE_DOCTOR, Title.VILLAGE_DOCTOR);
    team1 =
        registry.formTeam(
            t1,
            "紫城家庭医生团队" + tag,
            specialist,
            Map.of(
                gp1, TeamRole.GENERAL_PRACTITIONER,
                nurse1, TeamRole.NURSE,
                villageDoctor1, TeamRole.VILLAGE_DOCTOR));
  }

  /** Builds a fresh consortium, signed in as the system. */
  public static TestConsortium build(OrganizationRegistry registry) {
    return TestActors.as(TestActors.system(), () -> new TestConsortium(registry));
  }

  /** A licence code never used before in this test run. */
  public static String newLicenceCode() {
    String body = String.format("%03d%05d", RUN, SEQUENCE.incrementAndGet());
    return LicenceCodes.compose(body, "441621", "11", "A100", "1");
  }

  private static String facility(
      OrganizationRegistry registry,
      String name,
      FacilityType type,
      String parent,
      String division,
      Long grid) {
    String code = newLicenceCode();
    registry.registerFacility(
        new NewFacility(code, name, type, parent, division, grid, "紫金县", "0762-7320000"));
    return code;
  }

  private static long staff(
      OrganizationRegistry registry,
      String facility,
      Long department,
      String name,
      Profession profession,
      Title title) {
    return registry.addStaff(
        new NewStaff(
            facility,
            department,
            name,
            "1",
            profession,
            title,
            "ZY" + name.hashCode() + SEQUENCE.incrementAndGet(),
            null));
  }
}
