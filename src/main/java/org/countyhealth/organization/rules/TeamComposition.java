package org.countyhealth.organization.rules;

import java.util.List;
import java.util.Set;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.shared.BusinessException;

/**
 * Who may form a family-doctor team (000_65944b5c5b97f013.txt lines 14–15): a county-level
 * specialist leads (团队长); the township centre's general practitioners and nurses and the village
 * doctors of its clinics (健康指导员) serve. A team is formed at a township or community centre.
 */
public final class TeamComposition {

  private static final Set<Profession> SPECIALISTS =
      Set.of(Profession.CLINICAL_PHYSICIAN, Profession.TCM_PHYSICIAN);
  private static final Set<Profession> GENERAL_PRACTICE =
      Set.of(
          Profession.GENERAL_PRACTITIONER, Profession.CLINICAL_PHYSICIAN, Profession.TCM_PHYSICIAN);

  private TeamComposition() {}

  /** A staff member as the rule sees them. */
  public record Candidate(
      long staffId,
      String name,
      Profession profession,
      boolean active,
      String facilityCode,
      FacilityType facilityType,
      String facilityParentCode) {}

  public record Member(Candidate staff, TeamRole role) {}

  public static void check(
      String teamFacilityCode,
      FacilityType teamFacilityType,
      Candidate leader,
      List<Member> members) {
    if (teamFacilityType != FacilityType.TOWNSHIP_HEALTH_CENTRE
        && teamFacilityType != FacilityType.COMMUNITY_HEALTH_CENTRE) {
      throw refuse("TEAM_FACILITY_TYPE", "家庭医生团队应以乡镇卫生院或社区卫生服务中心为单位组建", "facilityCode");
    }
    if (!leader.active()) {
      throw refuse("TEAM_MEMBER_INACTIVE", leader.name() + " 已停用，不能担任团队长", "leaderId");
    }
    if (!leader.facilityType().countyLevel() || !SPECIALISTS.contains(leader.profession())) {
      throw refuse("TEAM_LEADER_INVALID", "团队长应由县级医院的专科医师担任", "leaderId");
    }
    if (members.isEmpty()) {
      throw refuse("TEAM_MEMBERS_EMPTY", "团队至少需要一名乡镇卫生院全科医生", "members");
    }
    boolean hasGp = false;
    for (Member m : members) {
      Candidate s = m.staff();
      if (s.staffId() == leader.staffId()) {
        throw refuse("TEAM_MEMBER_INVALID", s.name() + " 已是团队长，不能同时作为成员", "members");
      }
      if (!s.active()) {
        throw refuse("TEAM_MEMBER_INACTIVE", s.name() + " 已停用，不能加入团队", "members");
      }
      String why = memberRefusal(teamFacilityCode, m);
      if (why != null) {
        throw refuse("TEAM_MEMBER_INVALID", s.name() + "：" + why, "members");
      }
      hasGp |= m.role() == TeamRole.GENERAL_PRACTITIONER;
    }
    if (!hasGp) {
      throw refuse("TEAM_MEMBERS_EMPTY", "团队至少需要一名乡镇卫生院全科医生", "members");
    }
  }

  /** Null when the member may serve in that role, otherwise why not. */
  static String memberRefusal(String teamFacilityCode, Member m) {
    Candidate s = m.staff();
    boolean atCentre = teamFacilityCode.equals(s.facilityCode());
    return switch (m.role()) {
      case LEADER -> "团队长只能有一位";
      case GENERAL_PRACTITIONER ->
          atCentre && GENERAL_PRACTICE.contains(s.profession()) ? null : "全科医生应为本乡镇卫生院的医师";
      case NURSE -> atCentre && s.profession() == Profession.NURSE ? null : "护士应为本乡镇卫生院的护士";
      case PUBLIC_HEALTH ->
          atCentre && s.profession() == Profession.PUBLIC_HEALTH ? null : "公卫人员应为本乡镇卫生院的公共卫生人员";
      case VILLAGE_DOCTOR ->
          s.facilityType() == FacilityType.VILLAGE_CLINIC
                  && teamFacilityCode.equals(s.facilityParentCode())
                  && (s.profession() == Profession.VILLAGE_DOCTOR
                      || GENERAL_PRACTICE.contains(s.profession()))
              ? null
              : "乡村医生应来自本乡镇卫生院所辖的村卫生站";
    };
  }

  private static BusinessException refuse(String code, String message, String field) {
    return new BusinessException(code, message, field);
  }
}
