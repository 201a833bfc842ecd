package org.countyhealth.demo;

import java.util.List;
import org.countyhealth.security.Role;
import org.countyhealth.security.ScopeKind;

/** The demo sign-ins: at least one per role; the doctors see only their own area. */
final class DemoAccounts {

  /** Where a demo account works. */
  enum Post {
    LEAD_HOSPITAL,
    FIRST_TOWNSHIP,
    FIRST_VILLAGE,
    SECOND_VILLAGE
  }

  record Spec(String username, Role role, ScopeKind scope, Post post) {}

  static final List<Spec> SPECS =
      List.of(
          new Spec("admin", Role.SYSTEM_ADMIN, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec(
              "manager", Role.CONSORTIUM_MANAGER, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec("chronic", Role.CHRONIC_CENTRE, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec(
              "referral", Role.REFERRAL_OFFICE, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec(
              "specialist", Role.COUNTY_SPECIALIST, ScopeKind.OWN_FACILITY, Post.LEAD_HOSPITAL),
          new Spec("depthead", Role.DEPARTMENT_HEAD, ScopeKind.OWN_FACILITY, Post.LEAD_HOSPITAL),
          new Spec(
              "diagnostician", Role.DIAGNOSTICIAN, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec("quality", Role.QUALITY_OFFICE, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec("supervisor", Role.SUPERVISOR, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec("auditor", Role.AUDITOR, ScopeKind.WHOLE_CONSORTIUM, Post.LEAD_HOSPITAL),
          new Spec(
              "familydoctor",
              Role.FAMILY_DOCTOR,
              ScopeKind.FACILITY_AND_CHILDREN,
              Post.FIRST_TOWNSHIP),
          new Spec(
              "villagedoctor", Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY, Post.FIRST_VILLAGE),
          new Spec(
              "villagedoctor2", Role.VILLAGE_DOCTOR, ScopeKind.OWN_FACILITY, Post.SECOND_VILLAGE));

  private DemoAccounts() {}

  /** The accounts as printed when the county already exists (facility names not looked up). */
  static List<DemoAccount> standard() {
    return SPECS.stream().map(s -> new DemoAccount(s.username(), s.role(), s.scope(), "")).toList();
  }
}
