package org.countyhealth.organization.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.domain.Views.GridView;

/**
 * The facility tree of the page: lead hospital, then county hospitals, then township centres
 * grouped by grid, then ungrouped centres and village clinics. Facilities whose parent is outside
 * the scope become roots.
 */
public record FacilityTree(List<Node> roots) {

  /** {@code upper}: county-level children; {@code grids}; {@code lower}: the other children. */
  public record Node(FacilityView facility, List<Node> upper, List<Group> grids, List<Node> lower) {
    public boolean leaf() {
      return upper.isEmpty() && grids.isEmpty() && lower.isEmpty();
    }

    public int size() {
      return upper.size() + lower.size() + grids.stream().mapToInt(g -> g.centres().size()).sum();
    }
  }

  public record Group(String name, Optional<String> warning, List<Node> centres) {}

  /** Facilities come sorted (county level first, then by name); that order is kept. */
  static FacilityTree of(List<FacilityView> facilities, List<GridView> grids) {
    Set<String> present =
        facilities.stream().map(FacilityView::licenceCode).collect(Collectors.toSet());
    Map<String, List<FacilityView>> byParent = new HashMap<>();
    List<FacilityView> roots = new ArrayList<>();
    for (FacilityView f : facilities) {
      if (f.parentCode() == null || !present.contains(f.parentCode())) {
        roots.add(f);
      } else {
        byParent.computeIfAbsent(f.parentCode(), k -> new ArrayList<>()).add(f);
      }
    }
    Map<Long, GridView> gridById =
        grids.stream().collect(Collectors.toMap(GridView::id, g -> g, (a, b) -> a));
    return new FacilityTree(roots.stream().map(r -> node(r, byParent, gridById)).toList());
  }

  private static Node node(
      FacilityView f, Map<String, List<FacilityView>> byParent, Map<Long, GridView> grids) {
    List<Node> upper = new ArrayList<>();
    List<Node> lower = new ArrayList<>();
    Map<Long, List<Node>> grouped = new LinkedHashMap<>();
    for (FacilityView child : byParent.getOrDefault(f.licenceCode(), List.of())) {
      Node n = node(child, byParent, grids);
      if (child.gridId() != null && isCentre(child.type())) {
        grouped.computeIfAbsent(child.gridId(), k -> new ArrayList<>()).add(n);
      } else if (child.type().countyLevel()) {
        upper.add(n);
      } else {
        lower.add(n);
      }
    }
    List<Group> groups = new ArrayList<>();
    grouped.forEach(
        (id, centres) -> {
          GridView g = grids.get(id);
          String name = g != null ? g.name() : centres.get(0).facility().gridName();
          groups.add(new Group(name, g != null ? g.warning() : Optional.empty(), centres));
        });
    groups.sort(Comparator.comparing(Group::name));
    return new Node(f, upper, groups, lower);
  }

  private static boolean isCentre(FacilityType type) {
    return type == FacilityType.TOWNSHIP_HEALTH_CENTRE
        || type == FacilityType.COMMUNITY_HEALTH_CENTRE;
  }
}
