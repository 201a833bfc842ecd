package org.countyhealth.organization.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.countyhealth.organization.OrganizationRegistry.NewStaff;
import org.countyhealth.organization.Profession;
import org.countyhealth.organization.Title;

/** The new-staff form of a facility. */
record StaffForm(
    Long departmentId,
    @NotBlank(message = "请填写姓名") @Size(max = 40, message = "姓名不能超过 40 个字") String name,
    @NotBlank(message = "请选择性别") @Pattern(regexp = "[12]", message = "请选择性别") String sex,
    @NotNull(message = "请选择执业类别") Profession profession,
    @NotNull(message = "请选择职称") Title title,
    @Size(max = 30, message = "执业证书编码不能超过 30 位") String licenceNumber,
    @Pattern(regexp = "^$|^[0-9+\\- ]{5,30}$", message = "联系电话只能包含数字、空格、+ 和 -") String phone) {

  static final Set<String> FIELDS =
      Set.of("departmentId", "name", "sex", "profession", "title", "licenceNumber", "phone");

  static StaffForm empty() {
    return new StaffForm(null, "", "", null, null, "", "");
  }

  NewStaff toNew(String facilityCode) {
    return new NewStaff(
        facilityCode, departmentId, name, sex, profession, title, licenceNumber, phone);
  }
}
