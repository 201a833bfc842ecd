package org.countyhealth.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.countyhealth.organization.OrganizationRegistry;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.Title;

/**
 * Departments, staff and family-doctor teams: a county cardiologist or endocrinologist leads,
 * township GPs and village doctors serve (000_65944b5c5b97f013.txt lines 14–15).
 */
final class DemoStaffing {

  private static final String[][] COUNTY_DEPARTMENTS = {
    {"CARD", "心血管内科"}, {"ENDO", "内分泌科"}, {"GP", "全科医学科"}, {"EMER", "急诊科"},
    {"RADI", "医学影像科"}, {"ECG", "心电诊断室"}, {"LAB", "检验科"}, {"NURS", "护理部"}
  };
  private static final String[][] TOWNSHIP_DEPARTMENTS = {
    {"GP", "全科门诊"}, {"PH", "公共卫生科"}, {"TCM", "中医科"}
  };
  private static final Title[] SENIORITY = {
    Title.CHIEF_PHYSICIAN,
    Title.ASSOCIATE_CHIEF_PHYSICIAN,
    Title.ATTENDING_PHYSICIAN,
    Title.PHYSICIAN
  };

  private final OrganizationRegistry registry;
  private final ChineseNames names;
  private final Random random;
  private int licence;

  final Map<String, List<Long>> specialistsByHospital = new LinkedHashMap<>();
  final Map<String, List<Long>> gpsByTownship = new LinkedHashMap<>();
  final Map<String, Long> villageDoctorByClinic = new LinkedHashMap<>();
  final Map<String, Long> administratorByFacility = new LinkedHashMap<>();
  final List<Long> teams = new ArrayList<>();

  DemoStaffing(OrganizationRegistry registry, ChineseNames names, Random random) {
    this.registry = registry;
    this.names = names;
    this.random = random;
  }

  void build(DemoFacilities facilities) {
    int[] countySizes = {110, 80, 60};
    for (int h = 0; h < facilities.countyHospitals.size(); h++) {
      countyHospital(facilities.countyHospitals.get(h), countySizes[h]);
    }
    for (int t = 0; t < facilities.townships.size(); t++) {
      String township = facilities.townships.get(t);
      township(township, 12 + random.nextInt(5));
      facilities.villagesByTownship.get(t).forEach(this::villageClinic);
      teams(township, facilities.lead, facilities.villagesByTownship.get(t));
    }
  }

  private void countyHospital(String facility, int size) {
    List<Long> departments = departments(facility, COUNTY_DEPARTMENTS);
    List<Long> specialists = new ArrayList<>();
    administratorByFacility.put(
        facility, staff(facility, null, Profession.ADMINISTRATOR, Title.NONE));
    for (int i = 0; i < size; i++) {
      int d = i % departments.size();
      boolean nurse = d == departments.size() - 1 || i % 3 == 2;
      long id =
          nurse
              ? staff(facility, departments.get(d), Profession.NURSE, Title.NURSE_PRACTITIONER)
              : staff(facility, departments.get(d), Profession.CLINICAL_PHYSICIAN, senior());
      if (!nurse && d < 2) {
        specialists.add(id);
      }
    }
    specialistsByHospital.put(facility, specialists);
  }

  private void township(String facility, int size) {
    List<Long> departments = departments(facility, TOWNSHIP_DEPARTMENTS);
    List<Long> gps = new ArrayList<>();
    administratorByFacility.put(
        facility, staff(facility, null, Profession.ADMINISTRATOR, Title.NONE));
    for (int i = 0; i < size; i++) {
      int d = i % departments.size();
      if (d == 0) {
        gps.add(staff(facility, departments.get(d), Profession.GENERAL_PRACTITIONER, senior()));
      } else if (d == 1) {
        staff(facility, departments.get(d), Profession.PUBLIC_HEALTH, Title.NONE);
      } else {
        staff(facility, departments.get(d), Profession.NURSE, Title.NURSE);
      }
    }
    gpsByTownship.put(facility, gps);
  }

  private void villageClinic(String facility) {
    villageDoctorByClinic.put(
        facility, staff(facility, null, Profession.VILLAGE_DOCTOR, Title.VILLAGE_DOCTOR));
  }

  /** Two teams per township, each led by a county specialist, sharing the villages. */
  private void teams(String township, String lead, List<String> villages) {
    List<Long> specialists = specialistsByHospital.get(lead);
    List<Long> gps = gpsByTownship.get(township);
    for (int team = 0; team < 2; team++) {
      long leader = specialists.get(random.nextInt(specialists.size()));
      Map<Long, TeamRole> members = new LinkedHashMap<>();
      gps.stream()
          .skip(team)
          .limit(2)
          .forEach(gp -> members.put(gp, TeamRole.GENERAL_PRACTITIONER));
      for (int v = team; v < villages.size(); v += 2) {
        members.put(villageDoctorByClinic.get(villages.get(v)), TeamRole.VILLAGE_DOCTOR);
      }
      teams.add(registry.formTeam(township, "家庭医生第" + (team + 1) + "团队", leader, members));
    }
  }

  private List<Long> departments(String facility, String[][] list) {
    List<Long> ids = new ArrayList<>();
    for (String[] department : list) {
      ids.add(registry.addDepartment(facility, department[0], department[1]));
    }
    return ids;
  }

  private long staff(String facility, Long department, Profession profession, Title title) {
    licence++;
    String phone = "13" + String.format("%09d", random.nextInt(1_000_000_000));
    return registry.addStaff(
        new NewStaff(
            facility,
            department,
            names.person(),
            names.sex(),
            profession,
            title,
            String.format("1104419%08d", licence),
            phone));
  }

  private Title senior() {
    return SENIORITY[random.nextInt(SENIORITY.length)];
  }
}
