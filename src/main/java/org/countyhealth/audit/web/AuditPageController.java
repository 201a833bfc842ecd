package org.countyhealth.audit.web;

import java.time.format.DateTimeFormatter;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.audit.domain.AuditProperties;
import org.countyhealth.audit.domain.AuditSearch;
import org.countyhealth.audit.domain.AuditVerification;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The auditor's search page and the verification fragment its button loads (htmx). */
@Controller
class AuditPageController {

  private final AuditSearch search;
  private final AuditVerification verification;
  private final AuditTrail trail;
  private final AuditProperties properties;

  AuditPageController(
      AuditSearch search,
      AuditVerification verification,
      AuditTrail trail,
      AuditProperties properties) {
    this.search = search;
    this.verification = verification;
    this.trail = trail;
    this.properties = properties;
  }

  @GetMapping("/audit")
  @PreAuthorize("hasAuthority('AUDIT_VIEW')")
  String page(AuditFilterForm filter, Model model) {
    trail.describe("AUDIT_SEARCH", "AuditEvent", null);
    model.addAttribute("filter", filter);
    model.addAttribute("result", search.search(filter.toQuery(properties.displayZone())));
    model.addAttribute(
        "timeFormat",
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(properties.displayZone()));
    return "audit/search";
  }

  @GetMapping("/audit/verify")
  @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
  String verify(Model model) {
    trail.describe("AUDIT_VERIFY", "AuditChain", null);
    model.addAttribute("report", verification.verify());
    return "audit/search :: verification";
  }
}
