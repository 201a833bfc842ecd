package org.countyhealth.organization.rules;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.rules.TeamComposition.Candidate;
import org.countyhealth.organization.rules.TeamComposition.Member;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TeamCompositionTest {

  static final String TOWNSHIP = "T";
  static final Candidate SPECIALIST =
      new Candidate(
          1, "王专家", Profession.CLINICAL_PHYSICIAN, true, "C", FacilityType.LEAD_HOSPITAL, null);
  static final Candidate GP =
      new Candidate(
          2,
          "李全科",
          Profession.GENERAL_PRACTITIONER,
          true,
          TOWNSHIP,
          FacilityType.TOWNSHIP_HEALTH_CENTRE,
          "C");

  @ParameterizedTest(name = "leader {0} at {1}: {2}")
  @CsvSource({
    "CLINICAL_PHYSICIAN,   LEAD_HOSPITAL,           true",
    "CLINICAL_PHYSICIAN,   COUNTY_GENERAL_HOSPITAL, true",
    "TCM_PHYSICIAN,        COUNTY_TCM_HOSPITAL,     true",
    "NURSE,                LEAD_HOSPITAL,           false",
    "GENERAL_PRACTITIONER, TOWNSHIP_HEALTH_CENTRE,  false",
    "CLINICAL_PHYSICIAN,   TOWNSHIP_HEALTH_CENTRE,  false",
    "VILLAGE_DOCTOR,       VILLAGE_CLINIC,          false",
    "CLINICAL_PHYSICIAN,   EXTERNAL_TERTIARY_HOSPITAL, false"
  })
  void leaderMustBeACountySpecialist(Profession profession, FacilityType at, boolean allowed) {
    Candidate leader = new Candidate(9, "甲", profession, true, "X", at, null);
    var check =
        assertThatCode(
            () ->
                TeamComposition.check(
                    TOWNSHIP,
                    FacilityType.TOWNSHIP_HEALTH_CENTRE,
                    leader,
                    List.of(new Member(GP, TeamRole.GENERAL_PRACTITIONER))));
    if (allowed) {
      check.doesNotThrowAnyException();
    } else {
      check
          .isInstanceOf(BusinessException.class)
          .hasMessageContaining("县级医院的专科医师")
          .extracting(e -> ((BusinessException) e).code())
          .isEqualTo("TEAM_LEADER_INVALID");
    }
  }

  @ParameterizedTest(name = "{1} {0} at {2} (parent {3}) as {4}: {5}")
  @CsvSource({
    "GENERAL_PRACTITIONER, true,  T,  C, GENERAL_PRACTITIONER, ",
    "CLINICAL_PHYSICIAN,   true,  T,  C, GENERAL_PRACTITIONER, ",
    "GENERAL_PRACTITIONER, true,  T2, C, GENERAL_PRACTITIONER, TEAM_MEMBER_INVALID",
    "NURSE,                true,  T,  C, NURSE,                ",
    "NURSE,                true,  T,  C, GENERAL_PRACTITIONER, TEAM_MEMBER_INVALID",
    "PUBLIC_HEALTH,        true,  T,  C, PUBLIC_HEALTH,        ",
    "VILLAGE_DOCTOR,       true,  V,  T, VILLAGE_DOCTOR,       ",
    "VILLAGE_DOCTOR,       true,  V,  T2, VILLAGE_DOCTOR,      TEAM_MEMBER_INVALID",
    "PHARMACIST,           true,  V,  T, VILLAGE_DOCTOR,       TEAM_MEMBER_INVALID",
    "GENERAL_PRACTITIONER, true,  T,  C, LEADER,               TEAM_MEMBER_INVALID",
    "GENERAL_PRACTITIONER, false, T,  C, GENERAL_PRACTITIONER, TEAM_MEMBER_INACTIVE"
  })
  void members(
      Profession profession,
      boolean active,
      String facility,
      String parent,
      TeamRole role,
      String refusal) {
    FacilityType type =
        facility.startsWith("V")
            ? FacilityType.VILLAGE_CLINIC
            : FacilityType.TOWNSHIP_HEALTH_CENTRE;
    Candidate staff = new Candidate(5, "乙", profession, active, facility, type, parent);
    var check =
        assertThatCode(
            () ->
                TeamComposition.check(
                    TOWNSHIP,
                    FacilityType.TOWNSHIP_HEALTH_CENTRE,
                    SPECIALIST,
                    List.of(
                        new Member(GP, TeamRole.GENERAL_PRACTITIONER), new Member(staff, role))));
    if (refusal == null) {
      check.doesNotThrowAnyException();
    } else {
      check.extracting(e -> ((BusinessException) e).code()).isEqualTo(refusal);
    }
  }

  @Test
  void needsAGeneralPractitioner() {
    Candidate nurse =
        new Candidate(
            3, "丙", Profession.NURSE, true, TOWNSHIP, FacilityType.TOWNSHIP_HEALTH_CENTRE, "C");
    assertThatThrownBy(
            () ->
                TeamComposition.check(
                    TOWNSHIP,
                    FacilityType.TOWNSHIP_HEALTH_CENTRE,
                    SPECIALIST,
                    List.of(new Member(nurse, TeamRole.NURSE))))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("TEAM_MEMBERS_EMPTY");
  }

  @Test
  void teamsAreFormedAtTownshipOrCommunityCentres() {
    assertThatThrownBy(
            () ->
                TeamComposition.check(
                    "C",
                    FacilityType.LEAD_HOSPITAL,
                    SPECIALIST,
                    List.of(new Member(GP, TeamRole.GENERAL_PRACTITIONER))))
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("TEAM_FACILITY_TYPE");
  }
}
