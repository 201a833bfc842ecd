package org.countyhealth.organization.domain;

import java.util.List;
import java.util.Optional;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.TeamRole;
import org.countyhealth.organization.Title;
import org.countyhealth.organization.rules.FacilityHierarchyPolicy;

/** Read models of the organization pages and API. */
public final class Views {

  private Views() {}

  public record FacilityView(
      String licenceCode,
      String name,
      FacilityType type,
      String parentCode,
      String parentName,
      String divisionCode,
      String divisionName,
      Long gridId,
      String gridName,
      String address,
      String phone,
      boolean active,
      long staffCount) {}

  public record DepartmentView(long id, String code, String name, boolean active) {}

  public record StaffView(
      long id,
      String name,
      String sex,
      Profession profession,
      Title title,
      String facilityCode,
      String facilityName,
      Long departmentId,
      String departmentName,
      String licenceNumber,
      String phone,
      boolean active) {

    public String sexLabel() {
      return switch (sex) {
        case "1" -> "男";
        case "2" -> "女";
        default -> "未说明";
      };
    }
  }

  public record TeamView(
      long id,
      String name,
      String facilityCode,
      String facilityName,
      long leaderId,
      String leaderName,
      long memberCount,
      boolean active) {}

  public record MemberView(
      long staffId,
      String name,
      TeamRole role,
      Profession profession,
      String facilityCode,
      String facilityName) {}

  public record GridView(long id, String name, long centres) {
    public Optional<String> warning() {
      return FacilityHierarchyPolicy.gridWarning((int) centres);
    }
  }

  public record DivisionView(String code, String name, int level) {}

  public record PageOf<T>(List<T> items, int page, int size, long total) {
    public int pages() {
      return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return page + 1 < pages();
    }
  }
}
