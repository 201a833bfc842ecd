package org.countyhealth.residents.record.web;

import java.time.LocalDate;
import java.util.Map;
import org.countyhealth.residents.record.CheckUpInput;
import org.countyhealth.residents.record.CheckUpService;
import org.countyhealth.residents.record.ResidentAccess;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** Health check-ups of a resident: list with BMI and history, record, correct, void. */
@Controller
@RequestMapping("/residents/{residentId}/checkups")
class CheckUpPages {

  private final CurrentActor actors;
  private final ResidentAccess access;
  private final CheckUpService checkUps;

  CheckUpPages(CurrentActor actors, ResidentAccess access, CheckUpService checkUps) {
    this.actors = actors;
    this.access = access;
    this.checkUps = checkUps;
  }

  record VoidForm(String voidReason) {}

  @GetMapping
  String page(@PathVariable long residentId, Model model) {
    return render(residentId, null, null, model, Map.of());
  }

  @PostMapping
  String record(
      @PathVariable long residentId,
      @ModelAttribute("form") CheckUpForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return render(residentId, null, form, model, PageErrors.of(binding));
    }
    try {
      checkUps.record(actors.require(), residentId, form.input());
    } catch (BusinessException e) {
      if (e.status() != 422) {
        throw e;
      }
      return render(residentId, null, form, model, PageErrors.of(e, Map.of()));
    }
    return "redirect:/residents/" + residentId + "/checkups";
  }

  @GetMapping("/{checkUpId}/edit")
  String edit(@PathVariable long residentId, @PathVariable long checkUpId, Model model) {
    return render(residentId, checkUpId, null, model, Map.of());
  }

  @PostMapping("/{checkUpId}")
  String correct(
      @PathVariable long residentId,
      @PathVariable long checkUpId,
      @ModelAttribute("form") CheckUpForm form,
      BindingResult binding,
      Model model) {
    if (binding.hasErrors()) {
      return render(residentId, checkUpId, form, model, PageErrors.of(binding));
    }
    try {
      checkUps.correct(
          actors.require(), checkUpId, form.versionOrNone(), form.input(), form.reason());
    } catch (BusinessException e) {
      if (e.status() != 422) {
        throw e;
      }
      return render(residentId, checkUpId, form, model, PageErrors.of(e, Map.of()));
    }
    return "redirect:/residents/" + residentId + "/checkups";
  }

  @PostMapping("/{checkUpId}/void")
  String voidCheckUp(
      @PathVariable long residentId, @PathVariable long checkUpId, VoidForm form, Model model) {
    try {
      checkUps.voidCheckUp(actors.require(), checkUpId, form.voidReason());
    } catch (BusinessException e) {
      if (e.status() != 422) {
        throw e;
      }
      return render(residentId, null, null, model, Map.of("global", e.getMessage()));
    }
    return "redirect:/residents/" + residentId + "/checkups";
  }

  private String render(
      long residentId, Long editing, CheckUpForm form, Model model, Map<String, String> errors) {
    Actor actor = actors.require();
    var list = checkUps.list(actor, residentId);
    model.addAttribute("resident", access.require(actor, residentId));
    model.addAttribute("checkUps", list);
    model.addAttribute("tab", "checkups");
    model.addAttribute("errors", errors);
    CheckUpForm shown = form;
    Integer version = null;
    if (editing != null) {
      var current = checkUps.active(actor, editing);
      version = current.version();
      if (shown == null) {
        CheckUpInput v = current.values();
        shown =
            new CheckUpForm(
                v.examDate(),
                v.heightCm(),
                v.weightKg(),
                v.waistCm(),
                v.sbpLeft(),
                v.dbpLeft(),
                v.sbpRight(),
                v.dbpRight(),
                v.heartRate(),
                v.temperature(),
                version,
                null);
      }
    }
    if (shown == null) {
      shown =
          new CheckUpForm(
              LocalDate.now(), null, null, null, null, null, null, null, null, null, null, null);
    }
    model.addAttribute("form", shown);
    model.addAttribute("editing", editing);
    model.addAttribute(
        "version", form != null && form.version() != null ? form.version() : version);
    return "residents/record/checkups";
  }
}
