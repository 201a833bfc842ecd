package org.countyhealth.audit.web;

import org.countyhealth.audit.AuditTrail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Test-only endpoints that stand in for business controllers in the audit ITs. */
@RestController
@RequestMapping("/test/audit")
class AuditProbeController {

  private final AuditTrail trail;

  AuditProbeController(AuditTrail trail) {
    this.trail = trail;
  }

  @PostMapping("/things")
  String change() {
    return "changed";
  }

  @PostMapping("/things/{id}")
  String describedChange(@PathVariable String id) {
    trail.describe("THING_EDIT", "Thing", id);
    return "changed";
  }

  @GetMapping("/people/{id}")
  String describedRead(@PathVariable String id) {
    trail.describe("PERSON_READ", "Person", id);
    return "person";
  }

  @GetMapping("/plain")
  String plainRead() {
    return "plain";
  }
}
