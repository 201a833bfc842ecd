package org.countyhealth.organization.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.countyhealth.organization.FacilityType;
import org.countyhealth.shared.BusinessException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FacilityHierarchyPolicyTest {

  @ParameterizedTest(name = "{0} under {1}: {2}")
  @CsvSource({
    "LEAD_HOSPITAL,              NONE,                    true",
    "LEAD_HOSPITAL,              LEAD_HOSPITAL,           false",
    "COUNTY_GENERAL_HOSPITAL,    LEAD_HOSPITAL,           true",
    "COUNTY_GENERAL_HOSPITAL,    NONE,                    true",
    "COUNTY_TCM_HOSPITAL,        LEAD_HOSPITAL,           true",
    "COUNTY_TCM_HOSPITAL,        COUNTY_GENERAL_HOSPITAL, false",
    "TOWNSHIP_HEALTH_CENTRE,     LEAD_HOSPITAL,           true",
    "TOWNSHIP_HEALTH_CENTRE,     NONE,                    false",
    "TOWNSHIP_HEALTH_CENTRE,     COUNTY_GENERAL_HOSPITAL, false",
    "COMMUNITY_HEALTH_CENTRE,    LEAD_HOSPITAL,           true",
    "VILLAGE_CLINIC,             TOWNSHIP_HEALTH_CENTRE,  true",
    "VILLAGE_CLINIC,             COMMUNITY_HEALTH_CENTRE, true",
    "VILLAGE_CLINIC,             LEAD_HOSPITAL,           false",
    "VILLAGE_CLINIC,             COUNTY_GENERAL_HOSPITAL, false",
    "VILLAGE_CLINIC,             COUNTY_TCM_HOSPITAL,     false",
    "VILLAGE_CLINIC,             VILLAGE_CLINIC,          false",
    "VILLAGE_CLINIC,             NONE,                    false",
    "EXTERNAL_TERTIARY_HOSPITAL, NONE,                    true",
    "EXTERNAL_TERTIARY_HOSPITAL, LEAD_HOSPITAL,           false",
    "DESIGNATED_HOSPITAL,        NONE,                    true",
    "SUB_DESIGNATED_HOSPITAL,    LEAD_HOSPITAL,           false"
  })
  void parentTypes(FacilityType type, String parent, boolean allowed) {
    Optional<FacilityType> parentType =
        parent.equals("NONE") ? Optional.empty() : Optional.of(FacilityType.valueOf(parent));
    List<String> ancestry = parentType.isPresent() ? List.of("P") : List.of();
    if (allowed) {
      assertThatCode(() -> FacilityHierarchyPolicy.checkParent("F", type, parentType, ancestry))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> FacilityHierarchyPolicy.checkParent("F", type, parentType, ancestry))
          .isInstanceOf(BusinessException.class)
          .extracting(e -> ((BusinessException) e).code())
          .isEqualTo("FACILITY_PARENT_TYPE");
    }
  }

  @ParameterizedTest(name = "ancestry {0}")
  @CsvSource({"F", "V;F", "V;F;LEAD", "X;Y;F"})
  void refusesCycles(String ancestry) {
    assertThatThrownBy(
            () ->
                FacilityHierarchyPolicy.checkParent(
                    "F",
                    FacilityType.TOWNSHIP_HEALTH_CENTRE,
                    Optional.of(FacilityType.LEAD_HOSPITAL),
                    List.of(ancestry.split(";"))))
        .isInstanceOf(BusinessException.class)
        .hasMessageContaining("循环")
        .extracting(e -> ((BusinessException) e).code())
        .isEqualTo("FACILITY_PARENT_CYCLE");
  }

  @ParameterizedTest(name = "{0} with {1} already: {2}")
  @CsvSource({
    "TOWNSHIP_HEALTH_CENTRE,  0, ",
    "TOWNSHIP_HEALTH_CENTRE,  3, ",
    "TOWNSHIP_HEALTH_CENTRE,  4, GRID_FULL",
    "COMMUNITY_HEALTH_CENTRE, 2, ",
    "VILLAGE_CLINIC,          0, FACILITY_GRID_TYPE",
    "LEAD_HOSPITAL,           0, FACILITY_GRID_TYPE",
    "COUNTY_GENERAL_HOSPITAL, 1, FACILITY_GRID_TYPE"
  })
  void gridMembership(FacilityType type, int already, String refusal) {
    if (refusal == null) {
      assertThatCode(() -> FacilityHierarchyPolicy.checkGrid(type, already))
          .doesNotThrowAnyException();
    } else {
      assertThatThrownBy(() -> FacilityHierarchyPolicy.checkGrid(type, already))
          .extracting(e -> ((BusinessException) e).code())
          .isEqualTo(refusal);
    }
  }

  @ParameterizedTest(name = "{0} centres warn: {1}")
  @CsvSource({"0, true", "1, true", "2, true", "3, false", "4, false"})
  void gridWarnings(int centres, boolean warns) {
    assertThat(FacilityHierarchyPolicy.gridWarning(centres).isPresent()).isEqualTo(warns);
  }

  @Test
  void villageClinicUnderCountyHospitalSaysWhy() {
    assertThatThrownBy(
            () ->
                FacilityHierarchyPolicy.checkParent(
                    "V",
                    FacilityType.VILLAGE_CLINIC,
                    Optional.of(FacilityType.COUNTY_GENERAL_HOSPITAL),
                    List.of("C", "L")))
        .hasMessageContaining("不能直接隶属于县级医院");
  }
}
