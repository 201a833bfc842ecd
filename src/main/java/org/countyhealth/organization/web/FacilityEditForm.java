package org.countyhealth.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.countyhealth.organization.OrganizationRegistry.FacilityChange;
import org.countyhealth.organization.domain.Views.FacilityView;

/** Changing a facility: name, place in the tree, grid, contact, whether it is in use. */
record FacilityEditForm(
    @NotBlank(message = "请填写机构名称") @Size(max = 100, message = "机构名称不能超过 100 个字") String name,
    String parentCode,
    Long gridId,
    Boolean active,
    @Size(max = 200, message = "地址不能超过 200 个字") String address,
    @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {

  static final Set<String> FIELDS =
      Set.of("name", "parentCode", "gridId", "active", "address", "phone");

  static FacilityEditForm of(FacilityView f) {
    return new FacilityEditForm(
        f.name(), f.parentCode(), f.gridId(), f.active(), f.address(), f.phone());
  }

  FacilityChange toChange() {
    return new FacilityChange(
        name, parentCode, gridId, Boolean.TRUE.equals(active), address, phone);
  }
}
