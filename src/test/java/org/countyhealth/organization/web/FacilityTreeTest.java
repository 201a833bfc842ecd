package org.countyhealth.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.organization.domain.Views.FacilityView;
import org.countyhealth.organization.domain.Views.GridView;
import org.junit.jupiter.api.Test;

class FacilityTreeTest {

  static FacilityView f(String code, FacilityType type, String parent, Long grid) {
    return new FacilityView(
        code,
        code,
        type,
        parent,
        null,
        "441621",
        "紫金县",
        grid,
        grid == null ? null : "片区" + grid,
        null,
        null,
        true,
        0);
  }

  @Test
  void leadHospitalThenCountyHospitalsThenGridsThenTheRest() {
    List<FacilityView> all =
        List.of(
            f("L", FacilityType.LEAD_HOSPITAL, null, null),
            f("C", FacilityType.COUNTY_TCM_HOSPITAL, "L", null),
            f("T1", FacilityType.TOWNSHIP_HEALTH_CENTRE, "L", 1L),
            f("T2", FacilityType.TOWNSHIP_HEALTH_CENTRE, "L", 1L),
            f("T3", FacilityType.TOWNSHIP_HEALTH_CENTRE, "L", null),
            f("V1", FacilityType.VILLAGE_CLINIC, "T1", null),
            f("X", FacilityType.EXTERNAL_TERTIARY_HOSPITAL, null, null));
    FacilityTree tree = FacilityTree.of(all, List.of(new GridView(1, "片区1", 2)));

    assertThat(tree.roots()).extracting(n -> n.facility().licenceCode()).containsExactly("L", "X");
    FacilityTree.Node lead = tree.roots().get(0);
    assertThat(lead.upper()).extracting(n -> n.facility().licenceCode()).containsExactly("C");
    assertThat(lead.grids())
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.name()).isEqualTo("片区1");
              assertThat(g.warning()).isPresent();
              assertThat(g.centres())
                  .extracting(n -> n.facility().licenceCode())
                  .containsExactly("T1", "T2");
              assertThat(g.centres().get(0).lower())
                  .extracting(n -> n.facility().licenceCode())
                  .containsExactly("V1");
            });
    assertThat(lead.lower()).extracting(n -> n.facility().licenceCode()).containsExactly("T3");
    assertThat(lead.size()).isEqualTo(4);
  }

  @Test
  void aFacilityWhoseParentIsOutsideTheScopeIsARoot() {
    FacilityTree tree =
        FacilityTree.of(List.of(f("V1", FacilityType.VILLAGE_CLINIC, "T1", null)), List.of());
    assertThat(tree.roots()).singleElement().satisfies(n -> assertThat(n.leaf()).isTrue());
  }
}
