package org.countyhealth.residents.contract.web;

import java.time.LocalDate;
import java.util.List;
import org.countyhealth.residents.contract.ContractIndicators;
import org.countyhealth.residents.contract.ContractQueries;
import org.countyhealth.residents.contract.IndicatorRow;
import org.countyhealth.residents.contract.TeamDirectory;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Contracts per team or facility, and the contract indicators per township centre. */
@Controller
class ContractListPages {

  private final CurrentActor actors;
  private final ContractQueries queries;
  private final TeamDirectory teams;
  private final ContractIndicators indicators;

  ContractListPages(
      CurrentActor actors,
      ContractQueries queries,
      TeamDirectory teams,
      ContractIndicators indicators) {
    this.actors = actors;
    this.queries = queries;
    this.teams = teams;
    this.indicators = indicators;
  }

  @GetMapping("/contracts")
  String list(
      @RequestParam(required = false) Long teamId,
      @RequestParam(required = false) String facility,
      @RequestParam(defaultValue = "true") boolean inForce,
      Model model) {
    Actor actor = actors.require();
    ResidentAccess.requirePrivilege(actor, Privilege.RESIDENT_VIEW);
    model.addAttribute(
        "contracts",
        queries.list(actor.scope(), teamId, facility, inForce ? LocalDate.now() : null));
    model.addAttribute("teams", teams.visible(actor.scope()));
    model.addAttribute("teamId", teamId);
    model.addAttribute("inForce", inForce);
    return "residents/contract/list";
  }

  @GetMapping("/contracts/indicators")
  String indicators(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      Model model) {
    Actor actor = actors.require();
    ResidentAccess.requirePrivilege(actor, Privilege.INDICATOR_VIEW);
    ContractApi.Period period = ContractApi.Period.of(from, to);
    ContractIndicators.Report report =
        indicators.compute(actor.scope(), LocalDate.now(), period.from(), period.to());
    model.addAttribute("report", report);
    List<IndicatorRow> rows = report.rows();
    // Chart data travels in data-attributes (CSP: no inline script), read by js/contracts.js.
    model.addAttribute(
        "chartNames", String.join("|", rows.stream().map(IndicatorRow::facilityName).toList()));
    model.addAttribute("chartCoverage", joined(rows.stream().map(IndicatorRow::coverage).toList()));
    model.addAttribute("chartKey", joined(rows.stream().map(IndicatorRow::keyCoverage).toList()));
    model.addAttribute(
        "chartRenewal", joined(rows.stream().map(IndicatorRow::renewalRate).toList()));
    return "residents/contract/indicators";
  }

  private static String joined(List<?> values) {
    return String.join(",", values.stream().map(v -> v == null ? "" : v.toString()).toList());
  }
}
