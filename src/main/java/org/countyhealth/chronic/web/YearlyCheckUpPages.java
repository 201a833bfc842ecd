package org.countyhealth.chronic.web;

import java.time.LocalDate;
import org.countyhealth.chronic.domain.YearlyCheckUps;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Managed patients owing the yearly health check (lines 144–145). */
@Controller
class YearlyCheckUpPages {

  private final CurrentActor actors;
  private final YearlyCheckUps checkUps;

  YearlyCheckUpPages(CurrentActor actors, YearlyCheckUps checkUps) {
    this.actors = actors;
    this.checkUps = checkUps;
  }

  @GetMapping("/chronic/check-ups")
  String owed(Model model) {
    model.addAttribute("patients", checkUps.owed(actors.require(), LocalDate.now()));
    return "chronic/check-ups";
  }
}
