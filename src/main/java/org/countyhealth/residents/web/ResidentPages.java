package org.countyhealth.residents.web;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.ResidentPageSection;
import org.countyhealth.residents.domain.CrossFacilityAccess;
import org.countyhealth.residents.domain.ResidentDetails;
import org.countyhealth.residents.domain.ResidentDirectory;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Resident search, the resident page with the modules' sections, cross-facility opening. */
@Controller
class ResidentPages {

  /** A section as the page renders it. */
  record RenderedSection(
      String title, String template, String selector, long residentId, Map<String, Object> model) {}

  private final CurrentActor currentActor;
  private final ResidentDirectory directory;
  private final CrossFacilityAccess crossAccess;
  private final AuditTrail auditTrail;
  private final List<ResidentPageSection> sections;

  ResidentPages(
      CurrentActor currentActor,
      ResidentDirectory directory,
      CrossFacilityAccess crossAccess,
      AuditTrail auditTrail,
      List<ResidentPageSection> sections) {
    this.currentActor = currentActor;
    this.directory = directory;
    this.crossAccess = crossAccess;
    this.auditTrail = auditTrail;
    this.sections =
        sections.stream().sorted(Comparator.comparingInt(ResidentPageSection::order)).toList();
  }

  @GetMapping("/residents")
  String search(
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer birthYear,
      Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    boolean searched = q != null && !q.isBlank();
    List<ResidentDetails> found =
        searched
            ? directory.search(q, birthYear, actor.scope(), 50)
            : directory.recent(actor.scope(), 20);
    model.addAttribute("q", q == null ? "" : q);
    model.addAttribute("birthYear", birthYear);
    model.addAttribute("searched", searched);
    model.addAttribute("residents", found);
    // An exact identifier held by someone outside the scope: offer to open it with a reason.
    model.addAttribute(
        "outsideScope", searched && found.isEmpty() && directory.byIdentifier(q).isPresent());
    model.addAttribute("today", LocalDate.now());
    return "residents/list";
  }

  @GetMapping("/residents/{id}")
  String show(@PathVariable long id, Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    if (!directory.inScope(id, actor.scope())) {
      throw new NotFound("RESIDENT_NOT_FOUND", "找不到该居民档案，或该居民不在您的数据范围内");
    }
    ResidentDetails resident = directory.details(id).orElseThrow();
    auditTrail.describe("RESIDENT_READ", "Resident", String.valueOf(id));
    return page(resident, actor, false, model);
  }

  @PostMapping("/residents/open")
  String open(@RequestParam String identifier, @RequestParam String reason, Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    try {
      ResidentDetails resident = crossAccess.open(identifier, reason, actor);
      return page(resident, actor, !directory.inScope(resident.id(), actor.scope()), model);
    } catch (BusinessException e) {
      model.addAttribute("q", identifier);
      model.addAttribute("birthYear", null);
      model.addAttribute("searched", true);
      model.addAttribute("residents", List.of());
      model.addAttribute("outsideScope", true);
      model.addAttribute("openError", e.getMessage());
      model.addAttribute("today", LocalDate.now());
      return "residents/list";
    }
  }

  @GetMapping("/residents/cross-access")
  String crossAccessList(Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    model.addAttribute("accesses", crossAccess.visibleTo(actor.scope(), 200));
    return "residents/cross-access";
  }

  private String page(ResidentDetails resident, Actor actor, boolean crossFacility, Model model) {
    model.addAttribute("resident", resident);
    model.addAttribute("crossFacility", crossFacility);
    model.addAttribute("today", LocalDate.now());
    model.addAttribute(
        "accesses", crossFacility ? List.of() : crossAccess.ofResident(resident.id(), 10));
    model.addAttribute(
        "sections",
        sections.stream()
            .filter(s -> s.visibleWith(actor.privileges()))
            .map(
                s ->
                    new RenderedSection(
                        s.title(),
                        s.template(),
                        s.selector(),
                        resident.id(),
                        s.model(resident.id())))
            .toList());
    return "residents/view";
  }
}
