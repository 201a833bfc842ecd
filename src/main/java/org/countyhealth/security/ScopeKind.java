package org.countyhealth.security;

/** How far an account sees: its own facility, the facility and its children, or everything. */
public enum ScopeKind {
  OWN_FACILITY("本机构"),
  FACILITY_AND_CHILDREN("本机构及下属机构"),
  WHOLE_CONSORTIUM("全医共体");

  private final String label;

  ScopeKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
