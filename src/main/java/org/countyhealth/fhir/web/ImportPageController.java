package org.countyhealth.fhir.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.fhir.imports.ImportJob;
import org.countyhealth.fhir.imports.ImportService;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: upload many files, then watch the job (htmx polls the progress fragment every
 * second until the job has finished) and read its report.
 */
@Controller
class ImportPageController {

  private final ImportService imports;
  private final CurrentActor currentActor;
  private final AuditTrail audit;

  ImportPageController(ImportService imports, CurrentActor currentActor, AuditTrail audit) {
    this.imports = imports;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  @GetMapping("/fhir-imports")
  String list(Model model) {
    model.addAttribute("jobs", imports.recent(currentActor.require()));
    model.addAttribute("error", null);
    return "fhir/imports";
  }

  @PostMapping("/fhir-imports")
  String submit(
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      Model model,
      HttpServletResponse response) {
    try {
      long id = imports.submit(currentActor.require(), ImportApiController.read(files));
      audit.describe("FHIR_IMPORT_SUBMIT", "FhirImportJob", String.valueOf(id));
      return "redirect:/fhir-imports/" + id;
    } catch (BusinessException e) {
      response.setStatus(e.status());
      model.addAttribute("jobs", imports.recent(currentActor.require()));
      model.addAttribute("error", e.getMessage());
      return "fhir/imports";
    }
  }

  @GetMapping("/fhir-imports/{id}")
  String show(@PathVariable long id, Model model) {
    ImportJob job = imports.visible(currentActor.require(), id);
    audit.describe("FHIR_IMPORT_VIEW", "FhirImportJob", String.valueOf(id));
    model.addAttribute("job", job);
    model.addAttribute("rejections", imports.rejections(job, ImportApiController.REJECTIONS_SHOWN));
    model.addAttribute("shown", ImportApiController.REJECTIONS_SHOWN);
    return "fhir/import";
  }

  @GetMapping("/fhir-imports/{id}/progress")
  String progress(@PathVariable long id, Model model) {
    model.addAttribute("job", imports.visible(currentActor.require(), id));
    return "fhir/import :: progress";
  }

  @PostMapping("/fhir-imports/{id}/rerun")
  String rerun(@PathVariable long id) {
    long again = imports.rerun(currentActor.require(), id);
    audit.describe("FHIR_IMPORT_SUBMIT", "FhirImportJob", String.valueOf(again));
    return "redirect:/fhir-imports/" + again;
  }
}
