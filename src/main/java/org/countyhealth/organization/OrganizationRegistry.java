package org.countyhealth.organization;

import java.util.Map;

/**
 * Writes to the organization, with every validation the pages apply. Used by the pages, the API and
 * the demo generator. A refused change throws {@link org.countyhealth.shared.BusinessException} and
 * changes nothing.
 */
public interface OrganizationRegistry {

  long createConsortium(String name, String divisionCode);

  long createGrid(long consortiumId, String name);

  void registerFacility(NewFacility facility);

  long addDepartment(String facilityCode, String code, String name);

  long addStaff(NewStaff staff);

  /** Forms a team at a township centre; members by staff id with their team role. */
  long formTeam(String facilityCode, String name, long leaderId, Map<Long, TeamRole> members);

  /** Renames, moves (new parent or grid) or (de)activates a facility; its type and code stay. */
  void updateFacility(String licenceCode, FacilityChange change);

  /** Changes a staff member's department, title, phone or active flag. */
  void updateStaff(long staffId, StaffChange change);

  /** A staff member who left: kept for the records that name them, no longer active. */
  void deactivateStaff(long staffId);

  /** Renames or (de)activates a team. */
  void updateTeam(long teamId, String name, boolean active);

  record NewFacility(
      String licenceCode,
      String name,
      FacilityType type,
      String parentCode,
      String divisionCode,
      Long gridId,
      String address,
      String phone) {}

  record FacilityChange(
      String name, String parentCode, Long gridId, boolean active, String address, String phone) {}

  record StaffChange(Long departmentId, Title title, String phone, boolean active) {}

  /**
   * A new staff member. {@code sex} is a GB/T 2261.1 code ("1" male, "2" female, "0" unknown, "9"
   * unspecified); "M" and "F" are accepted too.
   */
  record NewStaff(
      String facilityCode,
      Long departmentId,
      String name,
      String sex,
      Profession profession,
      Title title,
      String licenceNumber,
      String phone) {}
}
