package org.countyhealth.residents.contract.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.residents.KeyPopulation;
import org.countyhealth.residents.contract.ContractIndicators;
import org.countyhealth.residents.contract.ContractService;
import org.countyhealth.residents.contract.ContractView;
import org.countyhealth.residents.contract.KeyPopulations;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of family-doctor contracts and their indicators. */
@RestController
@RequestMapping("/api/v1")
class ContractApi {

  private final CurrentActor actors;
  private final ContractService contracts;
  private final KeyPopulations populations;
  private final ResidentAccess access;
  private final ContractIndicators indicators;

  ContractApi(
      CurrentActor actors,
      ContractService contracts,
      KeyPopulations populations,
      ResidentAccess access,
      ContractIndicators indicators) {
    this.actors = actors;
    this.contracts = contracts;
    this.populations = populations;
    this.access = access;
    this.indicators = indicators;
  }

  record ResidentContracts(List<ContractView> contracts, Set<KeyPopulation> keyPopulations) {}

  record SignRequest(Long teamId, String packageCode, LocalDate start, LocalDate end) {}

  record RenewRequest(String packageCode) {}

  record Reason(String reason) {}

  record FlagRequest(String population) {}

  @GetMapping("/residents/{residentId}/contracts")
  ResidentContracts list(@PathVariable long residentId) {
    Actor actor = actors.require();
    List<ContractView> list = contracts.list(actor, residentId);
    return new ResidentContracts(
        list, populations.of(access.require(actor, residentId), LocalDate.now()));
  }

  @PostMapping("/residents/{residentId}/contracts")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> sign(@PathVariable long residentId, @RequestBody SignRequest body) {
    return Map.of(
        "id",
        contracts.sign(
            actors.require(),
            residentId,
            body.teamId() == null ? -1 : body.teamId(),
            body.packageCode(),
            body.start() == null ? LocalDate.now() : body.start(),
            body.end()));
  }

  @PostMapping("/residents/{residentId}/key-populations")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> flag(@PathVariable long residentId, @RequestBody FlagRequest body) {
    return Map.of("id", populations.record(actors.require(), residentId, body.population()));
  }

  @PostMapping("/contracts/{contractId}/renewal")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> renew(
      @PathVariable long contractId, @RequestBody(required = false) RenewRequest body) {
    return Map.of(
        "id",
        contracts.renew(actors.require(), contractId, body == null ? null : body.packageCode()));
  }

  @PostMapping("/contracts/{contractId}/termination")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void terminate(@PathVariable long contractId, @RequestBody Reason body) {
    contracts.terminate(actors.require(), contractId, body.reason());
  }

  @GetMapping("/contracts/indicators")
  ContractIndicators.Report indicators(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    Actor actor = actors.require();
    ResidentAccess.requirePrivilege(actor, Privilege.INDICATOR_VIEW);
    Period period = Period.of(from, to);
    return indicators.compute(actor.scope(), LocalDate.now(), period.from(), period.to());
  }

  /** The renewal period of the indicators: the current calendar year unless given. */
  record Period(LocalDate from, LocalDate to) {
    static Period of(LocalDate from, LocalDate to) {
      LocalDate today = LocalDate.now();
      LocalDate f = from != null ? from : today.withDayOfYear(1);
      LocalDate t = to != null ? to : f.plusYears(1).minusDays(1);
      if (t.isBefore(f)) {
        throw new org.countyhealth.shared.BusinessException("PERIOD_INVALID", "结束日期不能早于开始日期", "to");
      }
      return new Period(f, t);
    }
  }
}
