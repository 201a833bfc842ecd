package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.countyhealth.shared.Privilege;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SMART App Launch 2.x "Scopes": system/{type}.{read|write|*} (v1) and .{c r u d s} (v2). */
class SmartScopesTest {

  static final Set<Privilege> ALL =
      EnumSet.of(
          Privilege.FACILITY_VIEW,
          Privilege.STAFF_VIEW,
          Privilege.RESIDENT_VIEW,
          Privilege.RESIDENT_EDIT,
          Privilege.CHRONIC_VIEW,
          Privilege.CHRONIC_EDIT,
          Privilege.REFERRAL_CREATE);

  @ParameterizedTest(name = "{0} with {1} → {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "system/Patient.read | ALL | RESIDENT_VIEW | system/Patient.read",
        "system/Patient.rs | ALL | RESIDENT_VIEW | system/Patient.rs",
        "system/Patient.cruds | ALL | RESIDENT_VIEW RESIDENT_EDIT | system/Patient.cruds",
        "system/Patient.write | ALL | RESIDENT_EDIT | system/Patient.write",
        "system/Observation.c | ALL | CHRONIC_EDIT | system/Observation.c",
        "system/*.read | ALL | FACILITY_VIEW STAFF_VIEW RESIDENT_VIEW CHRONIC_VIEW REFERRAL_CREATE | system/*.read",
        "system/*.read | RESIDENT_VIEW | RESIDENT_VIEW | system/*.read",
        "system/*.* | RESIDENT_VIEW RESIDENT_EDIT | RESIDENT_VIEW RESIDENT_EDIT | system/*.*",
        "system/Patient.read system/Organization.read | RESIDENT_VIEW | RESIDENT_VIEW | system/Patient.read",
        "system/Organization.read | RESIDENT_VIEW | '' | ''",
        "system/Organization.write | ALL | '' | ''",
      })
  void grantsTheRequestedPrivilegesTheClientHolds(
      String requested, String granted, String privileges, String honoured) {
    SmartScopes.Grant grant = SmartScopes.grant(requested, set(granted));
    assertThat(grant.privileges()).isEqualTo(set(privileges));
    assertThat(String.join(" ", grant.scopes())).isEqualTo(honoured);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "patient/Patient.read",
        "user/*.read",
        "system/Binary.read",
        "system/Patient",
        "system/Patient.sr",
        "openid"
      })
  void refusesScopesThatAreNotSystemScopesOfThisInterface(String scope) {
    assertThatThrownBy(() -> SmartScopes.grant(scope, ALL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("不支持的 scope：" + scope);
  }

  private static Set<Privilege> set(String names) {
    if (names.equals("ALL")) {
      return ALL;
    }
    return Arrays.stream(names.split(" "))
        .filter(n -> !n.isBlank())
        .map(Privilege::valueOf)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Privilege.class)));
  }
}
