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

  record NewFacility(
      String licenceCode,
      String name,
      FacilityType type,
      String parentCode,
      String divisionCode,
      Long gridId,
      String address,
      String phone) {}

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
