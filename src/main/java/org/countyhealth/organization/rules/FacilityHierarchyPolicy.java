package org.countyhealth.organization.rules;

import java.util.List;
import java.util.Optional;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.shared.BusinessException;

/**
 * Where a facility may sit. The lead hospital heads the consortium; county hospitals and township
 * or community centres sit under it; village clinics belong to their township centre, never
 * directly to a county hospital (000_65944b5c5b97f013.txt line 14: 将村卫生站纳入辖区乡镇卫生院管理); partners
 * outside the consortium have no parent (001_026e4c0fdc145d70.txt, annex 2). Grids hold three to
 * four township centres (000_65944b5c5b97f013.txt lines 681–682).
 */
public final class FacilityHierarchyPolicy {

  /** Most township centres in one grid (000_65944b5c5b97f013.txt line 682: 3 至 4 个分院). */
  public static final int GRID_MAX = 4;

  /** Fewer than this many centres in a grid is shown as a warning, not refused. */
  public static final int GRID_MIN = 3;

  private FacilityHierarchyPolicy() {}

  /**
   * Refuses a parent that would make a cycle or that the type rules forbid.
   *
   * @param code the facility being placed
   * @param type its type
   * @param parentType the proposed parent's type, empty for no parent
   * @param parentAncestry the proposed parent followed by its ancestors up to the root
   */
  public static void checkParent(
      String code,
      FacilityType type,
      Optional<FacilityType> parentType,
      List<String> parentAncestry) {
    if (parentAncestry.contains(code)) {
      throw new BusinessException(
          "FACILITY_PARENT_CYCLE", "不能把机构设为其自身或其下属机构的下级：这会形成循环", "parentCode");
    }
    Optional<String> refusal = refusal(type, parentType.orElse(null));
    if (refusal.isPresent()) {
      throw new BusinessException("FACILITY_PARENT_TYPE", refusal.get(), "parentCode");
    }
  }

  /**
   * Why a facility of this type may not sit under that parent type (null for none), if it may not.
   */
  static Optional<String> refusal(FacilityType type, FacilityType parent) {
    return switch (type) {
      case LEAD_HOSPITAL ->
          parent == null ? Optional.empty() : Optional.of("牵头医院（总医院）是医共体的最高层级，不能设上级机构");
      case COUNTY_GENERAL_HOSPITAL, COUNTY_TCM_HOSPITAL ->
          parent == null || parent == FacilityType.LEAD_HOSPITAL
              ? Optional.empty()
              : Optional.of("县级医院的上级只能是牵头医院（总医院），或不设上级");
      case TOWNSHIP_HEALTH_CENTRE, COMMUNITY_HEALTH_CENTRE ->
          parent == FacilityType.LEAD_HOSPITAL
              ? Optional.empty()
              : Optional.of(type.label() + "的上级应为牵头医院（总医院）");
      case VILLAGE_CLINIC ->
          parent == FacilityType.TOWNSHIP_HEALTH_CENTRE
                  || parent == FacilityType.COMMUNITY_HEALTH_CENTRE
              ? Optional.empty()
              : Optional.of("村卫生站只能隶属于乡镇卫生院或社区卫生服务中心，不能直接隶属于县级医院");
      case EXTERNAL_TERTIARY_HOSPITAL, DESIGNATED_HOSPITAL, SUB_DESIGNATED_HOSPITAL ->
          parent == null ? Optional.empty() : Optional.of("医共体外的合作医院不设上级机构");
    };
  }

  /**
   * Refuses a grid for a facility that is not a township or community centre, or for a grid already
   * holding {@link #GRID_MAX} centres (not counting this facility).
   */
  public static void checkGrid(FacilityType type, int centresAlreadyInGrid) {
    if (type != FacilityType.TOWNSHIP_HEALTH_CENTRE
        && type != FacilityType.COMMUNITY_HEALTH_CENTRE) {
      throw new BusinessException("FACILITY_GRID_TYPE", "只有乡镇卫生院或社区卫生服务中心可以划入片区", "gridId");
    }
    if (centresAlreadyInGrid >= GRID_MAX) {
      throw new BusinessException(
          "GRID_FULL",
          "该片区已有 " + centresAlreadyInGrid + " 个分院，每个片区最多 " + GRID_MAX + " 个",
          "gridId");
    }
  }

  /** The warning shown on a grid with too few centres, if any. */
  public static Optional<String> gridWarning(int centres) {
    return centres < GRID_MIN
        ? Optional.of("片区仅有 " + centres + " 个分院，按规定每个片区应含 3 至 4 个分院")
        : Optional.empty();
  }
}
