package org.countyhealth.residents.contract.web;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.contract.ContractService;
import org.countyhealth.residents.contract.KeyPopulations;
import org.countyhealth.residents.contract.TeamDirectory;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.residents.record.ResidentRef;
import org.countyhealth.residents.record.web.PageErrors;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/** The contract section of a resident: contracts, key populations, sign, renew, terminate. */
@Controller
class ContractPages {

  private final CurrentActor actors;
  private final ResidentAccess access;
  private final ContractService contracts;
  private final KeyPopulations populations;
  private final TeamDirectory teams;

  ContractPages(
      CurrentActor actors,
      ResidentAccess access,
      ContractService contracts,
      KeyPopulations populations,
      TeamDirectory teams) {
    this.actors = actors;
    this.access = access;
    this.contracts = contracts;
    this.populations = populations;
    this.teams = teams;
  }

  record SignForm(
      Long teamId,
      String packageCode,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end) {}

  record ReasonForm(String reason, String packageCode, String population) {}

  @GetMapping("/residents/{residentId}/contracts")
  String page(@PathVariable long residentId, Model model) {
    return render(residentId, model, Map.of());
  }

  @PostMapping("/residents/{residentId}/contracts")
  String sign(
      @PathVariable long residentId,
      @ModelAttribute SignForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return render(residentId, model, PageErrors.of(binding));
    }
    return act(
        residentId,
        model,
        a ->
            contracts.sign(
                a,
                residentId,
                form.teamId() == null ? -1 : form.teamId(),
                form.packageCode(),
                form.start() == null ? LocalDate.now() : form.start(),
                form.end()));
  }

  @PostMapping("/residents/{residentId}/key-populations")
  String flag(@PathVariable long residentId, ReasonForm form, Model model) {
    return act(residentId, model, a -> populations.record(a, residentId, form.population()));
  }

  @PostMapping("/residents/{residentId}/key-populations/{flagId}/void")
  String voidFlag(
      @PathVariable long residentId, @PathVariable long flagId, ReasonForm form, Model model) {
    return act(residentId, model, a -> populations.voidFlag(a, flagId, form.reason()));
  }

  @PostMapping("/residents/{residentId}/contracts/{contractId}/renewal")
  String renew(
      @PathVariable long residentId, @PathVariable long contractId, ReasonForm form, Model model) {
    return act(residentId, model, a -> contracts.renew(a, contractId, form.packageCode()));
  }

  @PostMapping("/residents/{residentId}/contracts/{contractId}/termination")
  String terminate(
      @PathVariable long residentId, @PathVariable long contractId, ReasonForm form, Model model) {
    return act(residentId, model, a -> contracts.terminate(a, contractId, form.reason()));
  }

  private String act(long residentId, Model model, java.util.function.Consumer<Actor> action) {
    try {
      action.accept(actors.require());
    } catch (BusinessException e) {
      if (e.status() != 422) {
        throw e;
      }
      return render(residentId, model, PageErrors.of(e, Map.of()));
    }
    return "redirect:/residents/" + residentId + "/contracts";
  }

  private String render(long residentId, Model model, Map<String, String> errors) {
    Actor actor = actors.require();
    var list = contracts.list(actor, residentId);
    ResidentRef resident = access.require(actor, residentId);
    model.addAttribute("resident", resident);
    model.addAttribute("contracts", list);
    model.addAttribute("populations", populations.of(resident, LocalDate.now()));
    model.addAttribute("flags", populations.recorded(residentId));
    model.addAttribute(
        "recordable", Arrays.stream(KeyPopulation.values()).filter(p -> !p.ageBased()).toList());
    model.addAttribute("teams", teams.visible(actor.scope()));
    model.addAttribute("packages", contracts.packages());
    model.addAttribute("today", LocalDate.now());
    model.addAttribute("tab", "contracts");
    model.addAttribute("errors", errors);
    return "residents/contract/resident";
  }
}
