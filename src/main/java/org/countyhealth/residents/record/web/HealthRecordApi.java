package org.countyhealth.residents.record.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.countyhealth.residents.record.CheckUpService;
import org.countyhealth.residents.record.CheckUpView;
import org.countyhealth.residents.record.HealthRecordService;
import org.countyhealth.residents.record.HealthRecordView;
import org.countyhealth.shared.CurrentActor;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the health record and check-ups of one resident (problem details on refusal). */
@RestController
@RequestMapping("/api/v1/residents/{residentId}")
class HealthRecordApi {

  private final CurrentActor actors;
  private final HealthRecordService records;
  private final CheckUpService checkUps;
  private final Clock clock;

  HealthRecordApi(
      CurrentActor actors, HealthRecordService records, CheckUpService checkUps, Clock clock) {
    this.actors = actors;
    this.clock = clock;
    this.records = records;
    this.checkUps = checkUps;
  }

  record Reason(String reason) {}

  @GetMapping("/record")
  List<HealthRecordView> record(@PathVariable long residentId) {
    return records.view(actors.require(), residentId);
  }

  @PostMapping("/record")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> establish(@PathVariable long residentId, @RequestBody RecordForm body) {
    LocalDate on = body.establishedOn(LocalDate.now(clock));
    return Map.of("id", records.establish(actors.require(), residentId, body.input(), on));
  }

  @PutMapping("/record/{recordId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void correct(
      @PathVariable long residentId, @PathVariable long recordId, @RequestBody RecordForm body) {
    records.correct(actors.require(), recordId, body.versionOrNone(), body.input(), body.reason());
  }

  @PostMapping("/record/{recordId}/void")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void voidRecord(
      @PathVariable long residentId, @PathVariable long recordId, @RequestBody Reason body) {
    records.voidRecord(actors.require(), recordId, body.reason());
  }

  @GetMapping("/checkups")
  List<CheckUpView> checkUps(@PathVariable long residentId) {
    return checkUps.list(actors.require(), residentId);
  }

  @PostMapping("/checkups")
  @ResponseStatus(HttpStatus.CREATED)
  Map<String, Long> recordCheckUp(@PathVariable long residentId, @RequestBody CheckUpForm body) {
    return Map.of("id", checkUps.record(actors.require(), residentId, body.input()));
  }

  @PutMapping("/checkups/{checkUpId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void correctCheckUp(
      @PathVariable long residentId, @PathVariable long checkUpId, @RequestBody CheckUpForm body) {
    checkUps.correct(
        actors.require(), checkUpId, body.versionOrNone(), body.input(), body.reason());
  }

  @PostMapping("/checkups/{checkUpId}/void")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void voidCheckUp(
      @PathVariable long residentId, @PathVariable long checkUpId, @RequestBody Reason body) {
    checkUps.voidCheckUp(actors.require(), checkUpId, body.reason());
  }
}
