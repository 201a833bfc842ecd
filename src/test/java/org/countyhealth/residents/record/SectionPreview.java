package org.countyhealth.residents.record;

import org.countyhealth.residents.contract.ContractSectionModel;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Test-only page that renders the resident-page section fragments the way the resident page does (a
 * variable {@code section} with its {@code model}), so that ITs can check them before the section
 * SPI of the master index is merged.
 */
@TestComponent
@Controller
public class SectionPreview {

  /** What the resident page hands to a section fragment. */
  public record Section(java.util.Map<String, Object> model, long residentId) {}

  private final SectionModels records;
  private final ContractSectionModel contracts;

  SectionPreview(SectionModels records, ContractSectionModel contracts) {
    this.records = records;
    this.contracts = contracts;
  }

  @GetMapping("/test/resident-sections/{residentId}")
  String preview(@PathVariable long residentId, Model model) {
    model.addAttribute("recordSection", new Section(records.healthRecord(residentId), residentId));
    model.addAttribute("contractSection", new Section(contracts.model(residentId), residentId));
    return "residents/section-preview";
  }
}
