package org.countyhealth.audit.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.domain.AuditProperties;
import org.countyhealth.audit.domain.AuditSearch;
import org.countyhealth.audit.domain.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the audit trail: verification (auditor) and search. */
@RestController
@RequestMapping("/api/v1/audit")
class AuditApiController {

  /** Verification result; {@code firstBrokenId} is null (and present) when the chain is intact. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  record VerifyResponse(boolean ok, long checkedRows, Long firstBrokenId, String message) {}

  private final AuditVerification verification;
  private final AuditSearch search;
  private final AuditTrail trail;
  private final AuditProperties properties;

  AuditApiController(
      AuditVerification verification,
      AuditSearch search,
      AuditTrail trail,
      AuditProperties properties) {
    this.verification = verification;
    this.search = search;
    this.trail = trail;
    this.properties = properties;
  }

  @GetMapping("/verify")
  @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
  VerifyResponse verify() {
    trail.describe("AUDIT_VERIFY", "AuditChain", null);
    AuditVerification.Report r = verification.verify();
    return new VerifyResponse(r.ok(), r.checkedRows(), r.firstBrokenId(), r.message());
  }

  @GetMapping("/events")
  @PreAuthorize("hasAuthority('AUDIT_VIEW')")
  AuditSearch.Page events(AuditFilterForm form) {
    trail.describe("AUDIT_SEARCH", "AuditEvent", null);
    return search.search(form.toQuery(properties.displayZone()));
  }
}
