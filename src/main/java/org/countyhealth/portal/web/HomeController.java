package org.countyhealth.portal.web;

import java.time.Clock;
import java.time.Duration;
import org.countyhealth.audit.AuditOverview;
import org.countyhealth.organization.Facilities;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the figures the signed-in role cares about, within its data scope. */
@Controller
class HomeController {

  private final CurrentActor currentActor;
  private final Facilities facilities;
  private final AuditOverview audit;
  private final Clock clock;

  HomeController(
      CurrentActor currentActor, Facilities facilities, AuditOverview audit, Clock clock) {
    this.currentActor = currentActor;
    this.facilities = facilities;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping("/")
  String home(Model model) {
    Actor actor = currentActor.require();
    model.addAttribute("counts", facilities.counts(actor.scope()));
    model.addAttribute("facility", facilities.find(actor.facilityCode()).orElse(null));
    if (actor.can(Privilege.AUDIT_VIEW.name())) {
      model.addAttribute("audit", audit.since(clock.instant().minus(Duration.ofDays(1))));
    }
    return "portal/home";
  }
}
