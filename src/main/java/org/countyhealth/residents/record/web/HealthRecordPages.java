package org.countyhealth.residents.record.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.countyhealth.residents.record.HealthRecordService;
import org.countyhealth.residents.record.RecordEntries;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.residents.record.rules.RecordVocabulary;
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
import org.springframework.web.bind.annotation.RequestMapping;

/** The health-record section of a resident: cover, basic information, history, corrections. */
@Controller
@RequestMapping("/residents/{residentId}/record")
class HealthRecordPages {

  private final CurrentActor actors;
  private final ResidentAccess access;
  private final HealthRecordService records;
  private final RecordEntries entries;
  private final Clock clock;

  HealthRecordPages(
      CurrentActor actors,
      ResidentAccess access,
      HealthRecordService records,
      RecordEntries entries,
      Clock clock) {
    this.actors = actors;
    this.clock = clock;
    this.access = access;
    this.records = records;
    this.entries = entries;
  }

  record MedicalForm(
      String kind,
      String name,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredOn) {}

  record FamilyForm(String relation, String disease, String otherText) {}

  record VoidForm(String voidReason) {}

  @GetMapping
  String page(@PathVariable long residentId, Model model) {
    return render(residentId, model, Map.of());
  }

  @PostMapping
  String establish(@PathVariable long residentId, @ModelAttribute RecordForm form, Model model) {
    model.addAttribute("typed", form);
    return act(
        residentId,
        model,
        Map.of(),
        a ->
            records.establish(
                a, residentId, form.input(), form.establishedOn(LocalDate.now(clock))));
  }

  @PostMapping("/{recordId}/correction")
  String correct(
      @PathVariable long residentId,
      @PathVariable long recordId,
      @ModelAttribute RecordForm form,
      Model model) {
    model.addAttribute("typed", form);
    return act(
        residentId,
        model,
        Map.of(),
        a -> records.correct(a, recordId, form.versionOrNone(), form.input(), form.reason()));
  }

  @PostMapping("/{recordId}/void")
  String voidRecord(
      @PathVariable long residentId, @PathVariable long recordId, VoidForm form, Model model) {
    return act(
        residentId,
        model,
        Map.of("reason", "voidReason"),
        a -> records.voidRecord(a, recordId, form.voidReason()));
  }

  @PostMapping("/{recordId}/medical")
  String addMedical(
      @PathVariable long residentId,
      @PathVariable long recordId,
      @ModelAttribute MedicalForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return render(residentId, model, PageErrors.of(binding));
    }
    return act(
        residentId,
        model,
        Map.of(),
        a -> entries.addMedical(a, recordId, form.kind(), form.name(), form.occurredOn()));
  }

  @PostMapping("/{recordId}/family")
  String addFamily(
      @PathVariable long residentId,
      @PathVariable long recordId,
      @ModelAttribute FamilyForm form,
      Model model) {
    return act(
        residentId,
        model,
        Map.of(),
        a -> entries.addFamily(a, recordId, form.relation(), form.disease(), form.otherText()));
  }

  @PostMapping("/entries/{table}/{entryId}/void")
  String voidEntry(
      @PathVariable long residentId,
      @PathVariable String table,
      @PathVariable long entryId,
      VoidForm form,
      Model model) {
    return act(
        residentId,
        model,
        Map.of("reason", "voidReason"),
        a -> entries.voidEntry(a, table, entryId, form.voidReason()));
  }

  private String act(
      long residentId,
      Model model,
      Map<String, String> rename,
      java.util.function.Consumer<Actor> action) {
    try {
      action.accept(actors.require());
    } catch (BusinessException e) {
      if (e.status() != 422) {
        throw e;
      }
      model.addAttribute("submitted", true);
      return render(residentId, model, PageErrors.of(e, rename));
    }
    return "redirect:/residents/" + residentId + "/record";
  }

  private String render(long residentId, Model model, Map<String, String> errors) {
    Actor actor = actors.require();
    model.addAttribute("records", records.view(actor, residentId));
    model.addAttribute("resident", access.require(actor, residentId));
    model.addAttribute("errors", errors);
    model.addAttribute("tab", "record");
    model.addAttribute("bloodAbo", RecordVocabulary.BloodAbo.values());
    model.addAttribute("bloodRh", RecordVocabulary.BloodRh.values());
    model.addAttribute("smoking", RecordVocabulary.Smoking.values());
    model.addAttribute("drinking", RecordVocabulary.Drinking.values());
    model.addAttribute("exercise", RecordVocabulary.Exercise.values());
    model.addAttribute("historyKinds", RecordVocabulary.HistoryKind.values());
    model.addAttribute("relations", RecordVocabulary.Relation.values());
    model.addAttribute("diseases", RecordVocabulary.FamilyDisease.values());
    return "residents/record/record";
  }
}
