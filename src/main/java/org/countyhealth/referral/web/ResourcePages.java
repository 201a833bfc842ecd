package org.countyhealth.referral.web;

import java.time.LocalDateTime;
import org.countyhealth.referral.domain.ResourcePool;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.BusinessException;
import org.countyhealth.shared.CurrentActor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The office's resource pool of its own hospital: clinic slots, beds and exams offered. */
@Controller
class ResourcePages {

  private final CurrentActor actors;
  private final ResourcePool pool;

  ResourcePages(CurrentActor actors, ResourcePool pool) {
    this.actors = actors;
    this.pool = pool;
  }

  private Actor office() {
    Actor actor = actors.require();
    if (!actor.can("REFERRAL_PROCESS")) {
      throw new AccessDenied("REFERRAL_PRIVILEGE_REQUIRED", "您没有维护转诊资源池的权限");
    }
    return actor;
  }

  @GetMapping("/referrals/resources")
  String list(Model model) {
    Actor actor = office();
    model.addAttribute("resources", pool.available(actor.facilityCode(), LocalDateTime.now()));
    model.addAttribute("kinds", ResourcePool.Kind.values());
    return "referral/resources";
  }

  @PostMapping("/referrals/resources")
  String offer(
      @RequestParam(required = false) ResourcePool.Kind kind,
      @RequestParam(required = false) String department,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime startsAt,
      @RequestParam(defaultValue = "0") int capacity,
      RedirectAttributes flash) {
    Actor actor = office();
    try {
      if (kind == null
          || startsAt == null
          || blank(department)
          || blank(name)
          || department.length() > 60
          || name.length() > 100) {
        throw new BusinessException("RESOURCE_FIELDS_REQUIRED", "请填写类别、科室、名称和时间");
      }
      if (startsAt.isBefore(LocalDateTime.now())) {
        throw new BusinessException("RESOURCE_IN_THE_PAST", "开始时间不能早于现在");
      }
      pool.offer(actor.facilityCode(), kind, department.strip(), name.strip(), startsAt, capacity);
      flash.addFlashAttribute("message", "已发布");
    } catch (BusinessException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/referrals/resources";
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
