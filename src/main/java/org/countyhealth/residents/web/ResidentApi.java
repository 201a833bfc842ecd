package org.countyhealth.residents.web;

import java.util.List;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.RegistrationOutcome;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.domain.CrossFacilityAccess;
import org.countyhealth.residents.domain.ResidentDetails;
import org.countyhealth.residents.domain.ResidentDirectory;
import org.countyhealth.residents.domain.ReviewQueue;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** JSON API of the master index: search, get, register, merge, unmerge, cross-facility open. */
@RestController
@RequestMapping("/api/v1/residents")
class ResidentApi {

  record MergeRequest(long survivorId, long mergedId, String reason) {}

  record MergeResponse(long mergeId) {}

  record OpenRequest(String identifier, String reason) {}

  private final CurrentActor currentActor;
  private final ResidentDirectory directory;
  private final ResidentRegistry registry;
  private final CrossFacilityAccess crossAccess;
  private final AuditTrail auditTrail;
  private final ReviewQueue queue;

  ResidentApi(
      CurrentActor currentActor,
      ResidentDirectory directory,
      ResidentRegistry registry,
      CrossFacilityAccess crossAccess,
      AuditTrail auditTrail,
      ReviewQueue queue) {
    this.queue = queue;
    this.currentActor = currentActor;
    this.directory = directory;
    this.registry = registry;
    this.crossAccess = crossAccess;
    this.auditTrail = auditTrail;
  }

  @GetMapping
  List<ResidentDetails> search(
      @RequestParam String q, @RequestParam(required = false) Integer birthYear) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    auditTrail.describe("RESIDENT_SEARCH", "Resident", null);
    return directory.search(q, birthYear, actor.scope(), 50);
  }

  @GetMapping("/{id}")
  ResidentDetails get(@PathVariable long id) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    if (!directory.inScope(id, actor.scope())) {
      throw new NotFound("RESIDENT_NOT_FOUND", "找不到该居民档案，或该居民不在您的数据范围内");
    }
    auditTrail.describe("RESIDENT_READ", "Resident", String.valueOf(id));
    return directory.details(id).orElseThrow();
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  RegistrationOutcome register(@RequestBody RegistrationForm form) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    RegistrationOutcome outcome = registry.register(form.toRequest(actor));
    auditTrail.describe("RESIDENT_REGISTER", "Resident", String.valueOf(outcome.residentId()));
    return outcome;
  }

  @PostMapping("/open")
  ResidentDetails open(@RequestBody OpenRequest request) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_VIEW);
    return crossAccess.open(request.identifier(), request.reason(), actor);
  }

  @PostMapping("/merges")
  MergeResponse merge(@RequestBody MergeRequest request) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    for (long id : new long[] {request.survivorId(), request.mergedId()}) {
      if (!directory.inScope(id, actor.scope())) {
        throw new NotFound("RESIDENT_NOT_FOUND", "找不到该居民档案，或该居民不在您的数据范围内");
      }
    }
    long mergeId =
        registry.merge(
            request.survivorId(), request.mergedId(), request.reason(), actor.username());
    auditTrail.describe("RESIDENT_MERGE", "ResidentMerge", String.valueOf(mergeId));
    return new MergeResponse(mergeId);
  }

  @PostMapping("/merges/{mergeId}/unmerge")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void unmerge(@PathVariable long mergeId) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    if (!queue.mergeInScope(mergeId, actor.scope())) {
      throw new NotFound("RESIDENT_MERGE_NOT_FOUND", "找不到该合并记录");
    }
    registry.unmerge(mergeId, actor.username());
    auditTrail.describe("RESIDENT_UNMERGE", "ResidentMerge", String.valueOf(mergeId));
  }
}
