package org.countyhealth.fhir.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.fhir.imports.ImportFile;
import org.countyhealth.fhir.imports.ImportJob;
import org.countyhealth.fhir.imports.ImportService;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/fhir-imports}: many Bundle (JSON or XML) and NDJSON files in one multipart
 * upload ({@code files}). Answers 202 with the job's location once the job and its files are
 * stored; {@code GET} the location to follow progress and read the report.
 */
@RestController
@RequestMapping("/api/v1/fhir-imports")
class ImportApiController {

  /** Rejections listed in one answer; the page and the API both say how many there are. */
  static final int REJECTIONS_SHOWN = 1000;

  private final ImportService imports;
  private final CurrentActor currentActor;
  private final AuditTrail audit;

  ImportApiController(ImportService imports, CurrentActor currentActor, AuditTrail audit) {
    this.imports = imports;
    this.currentActor = currentActor;
    this.audit = audit;
  }

  @PostMapping(consumes = "multipart/form-data")
  ResponseEntity<Map<String, Object>> submit(
      @RequestParam(name = "files", required = false) List<MultipartFile> files) {
    long id = imports.submit(currentActor.require(), read(files));
    audit.describe("FHIR_IMPORT_SUBMIT", "FhirImportJob", String.valueOf(id));
    ImportJob job = imports.visible(currentActor.require(), id);
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/fhir-imports/" + id))
        .body(view(job, List.of()));
  }

  @PostMapping("/{id}/rerun")
  ResponseEntity<Map<String, Object>> rerun(@PathVariable long id) {
    long again = imports.rerun(currentActor.require(), id);
    audit.describe("FHIR_IMPORT_SUBMIT", "FhirImportJob", String.valueOf(again));
    return ResponseEntity.accepted()
        .location(URI.create("/api/v1/fhir-imports/" + again))
        .body(view(imports.visible(currentActor.require(), again), List.of()));
  }

  @GetMapping("/{id}")
  Map<String, Object> show(@PathVariable long id) {
    ImportJob job = imports.visible(currentActor.require(), id);
    audit.describe("FHIR_IMPORT_VIEW", "FhirImportJob", String.valueOf(id));
    return view(job, imports.rejections(job, REJECTIONS_SHOWN));
  }

  static List<ImportFile> read(List<MultipartFile> files) {
    List<ImportFile> read = new ArrayList<>();
    if (files == null) {
      return read;
    }
    for (MultipartFile file : files) {
      if (file.isEmpty()) {
        continue;
      }
      String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
      try {
        String content = new String(file.getBytes(), StandardCharsets.UTF_8);
        if (content.startsWith("\uFEFF")) {
          content = content.substring(1);
        }
        read.add(new ImportFile(name, ImportFile.kindOf(name), content));
      } catch (IOException e) {
        throw new BusinessException("FHIR_IMPORT_UNREADABLE", "无法读取上传的文件：" + name, "files");
      }
    }
    return read;
  }

  private static Map<String, Object> view(ImportJob job, List<ImportJob.Rejection> rejections) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", job.id());
    body.put("status", job.status().name());
    body.put("total", job.total());
    body.put("processed", job.counts().processed());
    body.put("created", job.counts().created());
    body.put("existing", job.counts().existing());
    body.put("rejected", job.counts().rejected());
    body.put("skipped", job.counts().skipped());
    body.put("skippedByType", job.counts().skippedByType());
    body.put("submittedAt", job.submittedAt());
    body.put("finishedAt", job.finishedAt());
    body.put("message", job.message());
    body.put("rejections", rejections);
    return body;
  }
}
