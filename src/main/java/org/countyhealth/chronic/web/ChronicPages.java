package org.countyhealth.chronic.web;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.countyhealth.chronic.ChronicCare;
import org.countyhealth.chronic.Disease;
import org.countyhealth.chronic.EnrolmentRequest;
import org.countyhealth.chronic.FollowUpOutcome;
import org.countyhealth.chronic.ScreeningRequest;
import org.countyhealth.chronic.Symptom;
import org.countyhealth.chronic.domain.EnrolmentRow;
import org.countyhealth.chronic.domain.History;
import org.countyhealth.chronic.domain.ReferralLinks;
import org.countyhealth.chronic.domain.Registry;
import org.countyhealth.chronic.domain.Worklists;
import org.countyhealth.chronic.domain.YearlyCheckUps;
import org.countyhealth.chronic.rules.Schedule;
import org.countyhealth.chronic.rules.Screening;
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
import org.springframework.web.bind.annotation.RequestParam;

/** Worklists, the patient's chronic page, enrolment and the follow-up form. */
@Controller
class ChronicPages {

  private final CurrentActor actors;
  private final ChronicCare care;
  private final Registry registry;
  private final History history;
  private final ReferralLinks referrals;
  private final Worklists worklists;
  private final YearlyCheckUps checkUps;

  ChronicPages(
      CurrentActor actors,
      ChronicCare care,
      Registry registry,
      History history,
      ReferralLinks referrals,
      Worklists worklists,
      YearlyCheckUps checkUps) {
    this.actors = actors;
    this.care = care;
    this.registry = registry;
    this.history = history;
    this.referrals = referrals;
    this.worklists = worklists;
    this.checkUps = checkUps;
  }

  public record EnrolForm(
      Disease disease,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate enrolledOn,
      String responsibleFacilityCode) {}

  @GetMapping("/chronic/worklist")
  String worklist(
      @RequestParam(defaultValue = "OVERDUE") Worklists.Kind kind,
      @RequestParam(defaultValue = "false") boolean mine,
      Model model) {
    Actor actor = actors.require();
    model.addAttribute("kinds", Worklists.Kind.values());
    model.addAttribute("kind", kind);
    model.addAttribute("mine", mine);
    model.addAttribute("items", worklists.list(actor, kind, mine, LocalDate.now()));
    return "chronic/worklist";
  }

  @PostMapping("/chronic/enrolments/{id}/call")
  String call(
      @PathVariable long id,
      @RequestParam String outcome,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "OVERDUE") String kind) {
    registry.callOutcome(actors.require(), id, outcome, date);
    return "redirect:/chronic/worklist?kind=" + Worklists.Kind.valueOf(kind).name();
  }

  @PostMapping("/chronic/referrals/{id}/result")
  String referralResult(
      @PathVariable long id,
      @RequestParam String outcome,
      @RequestParam(defaultValue = "false") boolean dismiss) {
    referrals.recordResult(actors.require(), id, outcome, dismiss);
    return "redirect:/chronic/worklist?kind=REFERRAL_CHECK";
  }

  /** The user confirms a suggested referral: requested from the referral module when present. */
  @PostMapping("/chronic/referrals/{id}/confirm")
  String confirmReferral(@PathVariable long id) {
    referrals.confirm(actors.require(), id);
    return "redirect:/chronic/worklist?kind=REFERRAL_CHECK";
  }

  @GetMapping("/residents/{residentId}/chronic")
  String patient(@PathVariable long residentId, Model model) {
    return renderPatient(residentId, model, Map.of(), null);
  }

  @PostMapping("/residents/{residentId}/chronic")
  String enrol(
      @PathVariable long residentId,
      @ModelAttribute EnrolForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return renderPatient(residentId, model, fieldErrors(binding), form);
    }
    Actor actor = actors.require();
    try {
      care.enrol(
          actor,
          new EnrolmentRequest(
              residentId,
              form.disease(),
              form.enrolledOn(),
              null,
              form.responsibleFacilityCode(),
              actor.staffId()));
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      return renderPatient(residentId, model, errors(e), form);
    }
    return "redirect:/residents/" + residentId + "/chronic";
  }

  private String renderPatient(
      long residentId, Model model, Map<String, String> errors, EnrolForm form) {
    Actor actor = actors.require();
    List<EnrolmentRow> enrolments = registry.ofResident(actor, residentId);
    List<History.Visit> visits = history.visits(actor, residentId);
    model.addAttribute("residentId", residentId);
    model.addAttribute("enrolments", enrolments);
    model.addAttribute("checkUp", checkUps.panel(actor, residentId, LocalDate.now()));
    model.addAttribute("visits", visits);
    model.addAttribute("changes", history.changes(actor, residentId));
    model.addAttribute("suggestions", referrals.ofResident(residentId));
    int year = LocalDate.now().getYear();
    model.addAttribute(
        "educationOwed",
        Schedule.educationOwed(
            visits.stream()
                .filter(v -> v.education() && !v.voided())
                .map(History.Visit::visitOn)
                .toList(),
            year));
    model.addAttribute("diseases", Disease.values());
    model.addAttribute("errors", errors);
    model.addAttribute("form", form == null ? new EnrolForm(null, LocalDate.now(), null) : form);
    List<History.Visit> live = visits.stream().filter(v -> !v.voided()).toList();
    model.addAttribute("chartDates", join(live, v -> String.valueOf(v.visitOn())));
    model.addAttribute(
        "chartSystolic", join(live, v -> v.systolic() == null ? "" : v.systolic().toString()));
    model.addAttribute(
        "chartDiastolic", join(live, v -> v.diastolic() == null ? "" : v.diastolic().toString()));
    model.addAttribute(
        "chartGlucose",
        join(live, v -> v.fastingGlucose() == null ? "" : v.fastingGlucose().toPlainString()));
    return "chronic/patient";
  }

  private static String join(
      List<History.Visit> visits, java.util.function.Function<History.Visit, String> f) {
    return visits.stream().map(f).collect(Collectors.joining(","));
  }

  @PostMapping("/residents/{residentId}/chronic/screening")
  String screen(
      @PathVariable long residentId,
      @RequestParam(required = false) Integer systolic,
      @RequestParam(required = false) Integer diastolic,
      @RequestParam(defaultValue = "false") boolean firstVisit,
      Model model) {
    if (systolic == null || diastolic == null) {
      return renderPatient(residentId, model, Map.of("screenSystolic", "请填写收缩压和舒张压"), null);
    }
    try {
      String outcome =
          care.screen(
              actors.require(),
              new ScreeningRequest(residentId, LocalDate.now(), systolic, diastolic, firstVisit));
      model.addAttribute("screened", Screening.Outcome.valueOf(outcome).label());
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      return renderPatient(residentId, model, Map.of("screenSystolic", e.getMessage()), null);
    }
    return renderPatient(residentId, model, Map.of(), null);
  }

  @PostMapping("/chronic/follow-ups/{id}/void")
  String voidVisit(
      @PathVariable long id,
      @RequestParam long residentId,
      @RequestParam(required = false) String reason) {
    history.voidVisit(actors.require(), id, reason);
    return "redirect:/residents/" + residentId + "/chronic";
  }

  @GetMapping("/chronic/enrolments/{id}/follow-up")
  String form(@PathVariable long id, Model model) {
    return renderForm(id, FollowUpForm.empty(), model, Map.of(), null);
  }

  @PostMapping("/chronic/enrolments/{id}/follow-up/preview")
  String preview(
      @PathVariable long id,
      @ModelAttribute FollowUpForm form,
      BindingResult binding,
      Model model) {
    if (!binding.hasErrors()) {
      try {
        model.addAttribute("outcome", care.preview(actors.require(), form.toRequest(id)));
      } catch (BusinessException e) {
        model.addAttribute("previewError", e.getMessage());
      }
    }
    return "chronic/follow-up :: preview";
  }

  @PostMapping("/chronic/enrolments/{id}/follow-up")
  String save(
      @PathVariable long id,
      @ModelAttribute FollowUpForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return renderForm(id, form, model, fieldErrors(binding), null);
    }
    try {
      FollowUpOutcome outcome = care.recordFollowUp(actors.require(), form.toRequest(id));
      return renderForm(id, FollowUpForm.empty(), model, Map.of(), outcome);
    } catch (BusinessException e) {
      if (e.status() == 404 || e.status() == 403) {
        throw e;
      }
      return renderForm(id, form, model, errors(e), null);
    }
  }

  private String renderForm(
      long id, FollowUpForm form, Model model, Map<String, String> errors, FollowUpOutcome saved) {
    EnrolmentRow enrolment = registry.find(actors.require(), id);
    model.addAttribute("enrolment", enrolment);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("saved", saved);
    model.addAttribute("symptoms", Symptom.of(enrolment.disease()));
    return "chronic/follow-up";
  }

  private static Map<String, String> fieldErrors(BindingResult binding) {
    Map<String, String> errors = new LinkedHashMap<>();
    binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "格式不正确，请重新填写"));
    return errors;
  }

  private static Map<String, String> errors(BusinessException e) {
    return Map.of(e.field() == null ? "global" : e.field(), e.getMessage());
  }
}
