package org.countyhealth.referral.web;

import java.time.LocalDateTime;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.Referral;
import org.countyhealth.referral.domain.ReferralQueries;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.referral.domain.ResourcePool;
import org.countyhealth.referral.rules.Indication;
import org.countyhealth.referral.rules.ReferralFlow;
import org.countyhealth.referral.rules.ReferralFlow.Action;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One referral: the form, its history, the next steps, and the printable form with its stub. */
@Controller
class ReferralCasePages {

  private final CurrentActor actors;
  private final ReferralService service;
  private final ReferralQueries queries;
  private final ResourcePool pool;
  private final AuditTrail audit;

  ReferralCasePages(
      CurrentActor actors,
      ReferralService service,
      ReferralQueries queries,
      ResourcePool pool,
      AuditTrail audit) {
    this.actors = actors;
    this.service = service;
    this.queries = queries;
    this.pool = pool;
    this.audit = audit;
  }

  @GetMapping("/referrals/{id}")
  String detail(@PathVariable long id, Model model) {
    Actor actor = actors.require();
    Referral r = service.visible(actor, id);
    audit.describe("REFERRAL_READ", "Referral", r.number());
    fill(model, r);
    model.addAttribute("history", queries.history(id));
    Direction d = r.form().direction();
    for (Action a : Action.values()) {
      model.addAttribute("can" + a.name(), ReferralFlow.allows(d, r.status(), a));
    }
    boolean receiver = actor.scope().includes(r.form().toFacilityCode());
    boolean sender = actor.scope().includes(r.form().fromFacilityCode());
    model.addAttribute("receiver", receiver);
    model.addAttribute("sender", sender);
    if (receiver && ReferralFlow.allows(d, r.status(), Action.ACCEPT)) {
      model.addAttribute(
          "resources", pool.available(r.form().toFacilityCode(), LocalDateTime.now()));
    }
    if (receiver && ReferralFlow.allows(d, r.status(), Action.REFER_DOWN)) {
      model.addAttribute("downTargets", queries.targets(true));
      model.addAttribute(
          "downIndications",
          java.util.Arrays.stream(Indication.values())
              .filter(i -> i.direction() == Direction.DOWN)
              .toList());
    }
    return "referral/detail";
  }

  @GetMapping("/referrals/{id}/print")
  String print(@PathVariable long id, Model model) {
    Actor actor = actors.require();
    Referral r = service.visible(actor, id);
    audit.describe("REFERRAL_PRINT", "Referral", r.number());
    fill(model, r);
    return "referral/print";
  }

  private void fill(Model model, Referral r) {
    model.addAttribute("r", r);
    model.addAttribute("f", r.form());
    model.addAttribute("names", queries.facilityNames());
    model.addAttribute("outcomes", Referral.Outcome.values());
    model.addAttribute(
        "indications",
        r.form().indications().stream()
            .map(c -> Indication.byCode(c).map(Indication::text).orElse(c))
            .toList());
    model.addAttribute(
        "row",
        queries
            .ofResident(org.countyhealth.shared.DataScope.consortium(), r.form().residentId())
            .stream()
            .filter(x -> x.id() == r.id())
            .findFirst()
            .orElse(null));
  }

  @PostMapping("/referrals/{id}/{action}")
  String act(
      @PathVariable long id,
      @PathVariable String action,
      @RequestParam(required = false) String reason,
      @RequestParam(required = false) Long resourceId,
      @RequestParam(required = false) Referral.CareMode careMode,
      @RequestParam(required = false) Referral.Outcome outcome,
      RedirectAttributes flash) {
    Actor a = actors.require();
    try {
      switch (action) {
        case "submit" -> service.submit(a, id);
        case "receive" -> service.receive(a, id);
        case "accept" -> {
          if (resourceId == null) {
            throw new BusinessException(
                "REFERRAL_RESOURCE_REQUIRED", "请选择预约的号源、床位或检查", "resourceId");
          }
          service.accept(a, id, resourceId);
        }
        case "decline" -> service.decline(a, id, reason);
        case "arrive" -> service.arrive(a, id);
        case "treat" -> service.treat(a, id, careMode);
        case "close" -> service.close(a, id, outcome);
        case "approve" -> service.approve(a, id, reason);
        case "confirm-back" -> service.confirmBack(a, id);
        case "cancel" -> service.cancel(a, id, reason);
        case "result" -> service.recordResult(a, id, reason);
        default -> throw new BusinessException("REFERRAL_ACTION_UNKNOWN", "未知的操作");
      }
      flash.addFlashAttribute("message", "已保存");
    } catch (AccessDenied e) {
      throw e;
    } catch (BusinessException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorField", e.field());
      flash.addFlashAttribute("errorCode", e.code());
    }
    return "redirect:/referrals/" + id;
  }

  @PostMapping("/referrals/{id}/down")
  String down(@PathVariable long id, DownFormInput form, RedirectAttributes flash) {
    Actor a = actors.require();
    Referral up = service.visible(a, id);
    try {
      long downId =
          service.referDown(a, id, form.toNew(up.form().residentId(), up.form().toFacilityCode()));
      return "redirect:/referrals/" + downId;
    } catch (AccessDenied e) {
      throw e;
    } catch (BusinessException e) {
      flash.addFlashAttribute("error", e.getMessage());
      flash.addFlashAttribute("errorField", e.field());
      flash.addFlashAttribute("errorCode", e.code());
      return "redirect:/referrals/" + id;
    }
  }
}
