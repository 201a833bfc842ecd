package org.countyhealth.referral.web;

import java.time.LocalDateTime;
import java.util.Map;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.referral.Direction;
import org.countyhealth.referral.domain.OfficeQueue;
import org.countyhealth.referral.domain.ReferralQueries;
import org.countyhealth.referral.domain.ReferralQueries.Side;
import org.countyhealth.referral.domain.ReferralService;
import org.countyhealth.referral.rules.Indication;
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

/** The sending doctor's form and lists; the office queue; the receiving side; a resident's page. */
@Controller
class ReferralPages {

  private final CurrentActor actors;
  private final ReferralService service;
  private final ReferralQueries queries;
  private final OfficeQueue officeQueue;
  private final AuditTrail audit;

  ReferralPages(
      CurrentActor actors,
      ReferralService service,
      ReferralQueries queries,
      OfficeQueue officeQueue,
      AuditTrail audit) {
    this.actors = actors;
    this.service = service;
    this.queries = queries;
    this.officeQueue = officeQueue;
    this.audit = audit;
  }

  private Actor referralUser() {
    Actor actor = actors.require();
    if (!actor.can("REFERRAL_CREATE")
        && !actor.can("REFERRAL_PROCESS")
        && !actor.can("REFERRAL_TREAT")
        && !actor.can("REFERRAL_APPROVE")) {
      throw new AccessDenied("REFERRAL_PRIVILEGE_REQUIRED", "您没有转诊功能的权限");
    }
    return actor;
  }

  @GetMapping("/referrals")
  String mine(Model model) {
    Actor actor = referralUser();
    return list(model, "我的转诊（本机构转出）", queries.list(actor.scope(), Side.SENT, null, false), false);
  }

  /**
   * The office's 24-hour queue, a page of {@link OfficeQueue#PAGE_SIZE} with the queue's counts.
   */
  @GetMapping("/referrals/office")
  String office(
      @RequestParam(required = false) String filter,
      @RequestParam(defaultValue = "1") int page,
      Model model) {
    Actor actor = referralUser();
    boolean escalated = "escalated".equals(filter);
    OfficeQueue.Page queue = officeQueue.page(actor.scope(), escalated, page, LocalDateTime.now());
    model.addAttribute("office", true);
    model.addAttribute("escalatedOnly", escalated);
    model.addAttribute("queuePage", queue);
    return list(model, escalated ? "双向转诊办公室 · 已超时并升级" : "双向转诊办公室 · 24小时待办队列", queue.rows(), true);
  }

  @GetMapping("/referrals/incoming")
  String incoming(@RequestParam(required = false) Direction direction, Model model) {
    Actor actor = referralUser();
    String title = direction == Direction.DOWN ? "下转至本机构的患者（待接收、待确认）" : "转入本机构的转诊（接收科室）";
    return list(model, title, queries.list(actor.scope(), Side.RECEIVED, direction, true), true);
  }

  @GetMapping("/residents/{residentId}/referrals")
  String resident(@PathVariable long residentId, Model model) {
    Actor actor = actors.require();
    if (!actor.can("RESIDENT_VIEW")) {
      throw new AccessDenied("RESIDENT_VIEW_REQUIRED", "您没有查看居民档案的权限");
    }
    audit.describe("REFERRAL_HISTORY_READ", "Resident", String.valueOf(residentId));
    model.addAttribute("residentId", residentId);
    return list(model, "居民转诊记录", queries.ofResident(actor.scope(), residentId), false);
  }

  private String list(Model model, String title, Object rows, boolean queue) {
    model.addAttribute("title", title);
    model.addAttribute("rows", rows);
    model.addAttribute("queue", queue);
    return "referral/list";
  }

  @GetMapping("/referrals/new")
  String form(@RequestParam(required = false) Long residentId, Model model) {
    Actor actor = referralUser();
    return showForm(model, actor, ReferralFormInput.empty(residentId), Map.of());
  }

  @PostMapping("/referrals")
  String create(
      ReferralFormInput form, @RequestParam(defaultValue = "submit") String action, Model model) {
    Actor actor = referralUser();
    try {
      long id = service.create(actor, form.toNew(actor.facilityCode()), !"draft".equals(action));
      return "redirect:/referrals/" + id;
    } catch (AccessDenied e) {
      throw e;
    } catch (BusinessException e) {
      String field = e.field() == null ? "form" : e.field();
      return showForm(model, actor, form, Map.of(field, e.getMessage(), "code", e.code()));
    }
  }

  private String showForm(
      Model model, Actor actor, ReferralFormInput form, Map<String, String> errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("facilities", queries.targets(false));
    model.addAttribute("general", Indication.of(Direction.UP, Indication.Group.GENERAL));
    model.addAttribute("hypertension", Indication.of(Direction.UP, Indication.Group.HYPERTENSION));
    model.addAttribute("diabetes", Indication.of(Direction.UP, Indication.Group.DIABETES));
    model.addAttribute("fromName", queries.facilityNames().getOrDefault(actor.facilityCode(), ""));
    return "referral/form";
  }
}
