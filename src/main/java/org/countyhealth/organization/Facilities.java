package org.countyhealth.organization;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.countyhealth.shared.DataScope;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;

/** The organization module's facade: read access for other modules. */
public interface Facilities {

  Optional<FacilitySummary> find(String licenceCode);

  /** The facility and all its descendants, by licence code. */
  Set<String> subtreeOf(String licenceCode);

  Optional<StaffSummary> findStaff(long staffId);

  /** Staff of the facilities in the scope matching the criteria, by name. */
  List<StaffProfile> searchStaff(DataScope scope, StaffCriteria criteria, int limit);

  /** One window of {@link #searchStaff} and the number of all matching staff. */
  Slice<StaffProfile> searchStaff(DataScope scope, StaffCriteria criteria, Window window);

  /**
   * Team memberships of teams whose township centre is in the scope, optionally of one staff
   * member, one centre or one role.
   */
  List<TeamMembership> teamMemberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, int limit);

  /** One window of {@link #teamMemberships}, by team and staff id, and the number of all. */
  Slice<TeamMembership> teamMemberships(
      DataScope scope, Long staffId, String facilityCode, TeamRole role, Window window);

  /** Facilities visible in the scope, ordered by level then name. */
  List<FacilitySummary> visible(DataScope scope);

  /** Counts for the home page, within the scope. */
  OrganizationCounts counts(DataScope scope);
}
