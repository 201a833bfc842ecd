package org.countyhealth.portal.web;

import org.countyhealth.organization.Facilities;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The home page: the figures the signed-in role cares about, within its data scope. */
@Controller
class HomeController {

  private final CurrentActor currentActor;
  private final Facilities facilities;

  HomeController(CurrentActor currentActor, Facilities facilities) {
    this.currentActor = currentActor;
    this.facilities = facilities;
  }

  @GetMapping("/")
  String home(Model model) {
    Actor actor = currentActor.require();
    model.addAttribute("counts", facilities.counts(actor.scope()));
    model.addAttribute("facility", facilities.find(actor.facilityCode()).orElse(null));
    return "portal/home";
  }
}
