package org.countyhealth.residents.web;

import org.countyhealth.audit.AuditTrail;
import org.countyhealth.residents.ResidentRegistry;
import org.countyhealth.residents.domain.DuplicateScan;
import org.countyhealth.residents.domain.ReviewQueue;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.countyhealth.shared.Privilege;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The review queue of potential duplicates, merge and unmerge, and the whole-index scan. */
@Controller
class ReviewPages {

  private final CurrentActor currentActor;
  private final ReviewQueue queue;
  private final ResidentRegistry registry;
  private final DuplicateScan scan;
  private final AuditTrail auditTrail;

  ReviewPages(
      CurrentActor currentActor,
      ReviewQueue queue,
      ResidentRegistry registry,
      DuplicateScan scan,
      AuditTrail auditTrail) {
    this.currentActor = currentActor;
    this.queue = queue;
    this.registry = registry;
    this.scan = scan;
    this.auditTrail = auditTrail;
  }

  @GetMapping("/residents/review")
  String list(Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    model.addAttribute("pending", queue.pending(actor.scope(), 100));
    model.addAttribute("merges", queue.merges(actor.scope(), 20));
    model.addAttribute("progress", scan.progress());
    model.addAttribute("canScan", actor.scope().all());
    return "residents/review";
  }

  @GetMapping("/residents/review/{decisionId}")
  String pair(@PathVariable long decisionId, Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    ReviewQueue.Pair pair = queue.pair(decisionId, actor.scope());
    auditTrail.describe("RESIDENT_REVIEW_READ", "MatchDecision", String.valueOf(decisionId));
    model.addAttribute("pair", pair);
    return "residents/pair";
  }

  @PostMapping("/residents/review/{decisionId}/merge")
  String merge(
      @PathVariable long decisionId,
      @RequestParam long survivorId,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    ReviewQueue.Pair pair = queue.pair(decisionId, actor.scope());
    long a = pair.left().id();
    long b = pair.right().id();
    if (survivorId != a && survivorId != b) {
      throw new BusinessException("RESIDENT_MERGE_SURVIVOR", "请选择两份档案之一作为保留档案", "survivorId");
    }
    long mergedId = survivorId == a ? b : a;
    long mergeId = registry.merge(survivorId, mergedId, reason, actor.username());
    auditTrail.describe("RESIDENT_MERGE", "ResidentMerge", String.valueOf(mergeId));
    redirect.addFlashAttribute("notice", "已合并：保留档案 " + survivorId + "，并入档案 " + mergedId);
    return "redirect:/residents/review";
  }

  @PostMapping("/residents/review/{decisionId}/distinct")
  String distinct(@PathVariable long decisionId, RedirectAttributes redirect) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    queue.pair(decisionId, actor.scope());
    queue.markDistinct(decisionId, actor.username());
    auditTrail.describe("RESIDENT_REVIEW_DISTINCT", "MatchDecision", String.valueOf(decisionId));
    redirect.addFlashAttribute("notice", "已标记为不同的人");
    return "redirect:/residents/review";
  }

  @PostMapping("/residents/merges/{mergeId}/unmerge")
  String unmerge(@PathVariable long mergeId, RedirectAttributes redirect) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    if (!queue.mergeInScope(mergeId, actor.scope())) {
      throw new org.countyhealth.shared.NotFound("RESIDENT_MERGE_NOT_FOUND", "找不到该合并记录");
    }
    registry.unmerge(mergeId, actor.username());
    auditTrail.describe("RESIDENT_UNMERGE", "ResidentMerge", String.valueOf(mergeId));
    redirect.addFlashAttribute("notice", "已撤销合并，两份档案均已恢复");
    return "redirect:/residents/review";
  }

  @PostMapping("/residents/scan")
  String startScan(Model model) {
    Actor actor = Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    if (!actor.scope().all()) {
      throw new BusinessException("SCAN_SCOPE", "全库查重须由全医共体范围的账号发起");
    }
    scan.start();
    auditTrail.describe("RESIDENT_DUPLICATE_SCAN_START", "ResidentIndex", "scan");
    model.addAttribute("progress", scan.progress());
    return "residents/review :: progress";
  }

  @GetMapping("/residents/scan/progress")
  String progress(Model model) {
    Permissions.require(currentActor, Privilege.RESIDENT_EDIT);
    model.addAttribute("progress", scan.progress());
    return "residents/review :: progress";
  }
}
