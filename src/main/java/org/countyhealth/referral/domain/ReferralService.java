package org.countyhealth.referral.domain;

import java.time.LocalDateTime;
import org.countyhealth.referral.rules.DownReferralApproval;
import org.countyhealth.shared.AccessDenied;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.NotFound;
import org.countyhealth.shared.Privilege;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The desk for signed-in people: privileges are declared per step ({@code @PreAuthorize}; the
 * office receives and books, the county specialist treats and proposes the down-referral, the
 * department head approves it), then checked against the side of the referral the actor's scope
 * covers (the sender works the sending side, the receiver the receiving side).
 */
@Service
@Transactional
public class ReferralService {

  private final ReferralDesk desk;

  ReferralService(ReferralDesk desk) {
    this.desk = desk;
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_CREATE', 'REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public long create(Actor actor, NewReferral in, boolean submit) {
    require(
        actor,
        in.direction() == org.countyhealth.referral.Direction.DOWN
            ? new Privilege[] {Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT}
            : new Privilege[] {Privilege.REFERRAL_CREATE});
    if (in.fromFacilityCode() == null || !actor.scope().includes(in.fromFacilityCode())) {
      throw new AccessDenied("REFERRAL_FACILITY_NOT_IN_SCOPE", "只能以本人所在机构发起转诊");
    }
    return desk.create(in, actor.staffId(), actor.displayName(), submit, null, LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_CREATE', 'REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public void submit(Actor a, long id) {
    sending(a, id, Privilege.REFERRAL_CREATE, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    desk.submit(id, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_PROCESS', 'REFERRAL_CREATE')")
  public void receive(Actor a, long id) {
    Referral r = receiving(a, id, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_CREATE);
    desk.receive(r.id, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAuthority('REFERRAL_PROCESS')")
  public void accept(Actor a, long id, long resourceId) {
    receiving(a, id, Privilege.REFERRAL_PROCESS);
    desk.accept(id, resourceId, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAuthority('REFERRAL_PROCESS')")
  public void decline(Actor a, long id, String reason) {
    Referral r = store(a, id);
    if (r.form.direction() == org.countyhealth.referral.Direction.DOWN) {
      sending(a, id, Privilege.REFERRAL_PROCESS);
    } else {
      receiving(a, id, Privilege.REFERRAL_PROCESS);
    }
    desk.decline(id, reason, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public void arrive(Actor a, long id) {
    receiving(a, id, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    desk.arrive(id, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public void treat(Actor a, long id, Referral.CareMode mode) {
    receiving(a, id, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    desk.treat(id, mode, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public void close(Actor a, long id, Referral.Outcome outcome) {
    receiving(a, id, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    desk.close(id, outcome, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public long referDown(Actor a, long upId, NewReferral down) {
    receiving(a, upId, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    return desk.referDown(upId, down, a.staffId(), a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAuthority('REFERRAL_APPROVE')")
  public void approve(Actor a, long id, String opinion) {
    Referral r = sending(a, id, Privilege.REFERRAL_APPROVE);
    if (DownReferralApproval.ownProposal(
        r.form.requestingStaffId(), r.form.requestingDoctor(), a.staffId(), a.displayName())) {
      throw new AccessDenied("REFERRAL_OWN_PROPOSAL", "不能审批本人提出的下转单，请由科主任审批");
    }
    desk.approve(id, opinion, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_CREATE', 'REFERRAL_PROCESS')")
  public void confirmBack(Actor a, long id) {
    receiving(a, id, Privilege.REFERRAL_CREATE, Privilege.REFERRAL_PROCESS);
    desk.confirmBack(id, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAnyAuthority('REFERRAL_CREATE', 'REFERRAL_PROCESS', 'REFERRAL_TREAT')")
  public void cancel(Actor a, long id, String reason) {
    sending(a, id, Privilege.REFERRAL_CREATE, Privilege.REFERRAL_PROCESS, Privilege.REFERRAL_TREAT);
    desk.cancel(id, reason, a.displayName(), LocalDateTime.now());
  }

  @PreAuthorize("hasAuthority('REFERRAL_CREATE')")
  public void recordResult(Actor a, long id, String note) {
    sending(a, id, Privilege.REFERRAL_CREATE);
    desk.recordResult(id, note, a.displayName(), LocalDateTime.now());
  }

  /** A referral the actor's scope sees from either side; 404 otherwise. */
  public Referral visible(Actor a, long id) {
    return store(a, id);
  }

  private Referral store(Actor a, long id) {
    Referral r = desk.load(id);
    if (!a.scope().includes(r.form.fromFacilityCode())
        && !a.scope().includes(r.form.toFacilityCode())) {
      throw new NotFound("REFERRAL_NOT_FOUND", "转诊单不存在或不在您的权限范围内");
    }
    return r;
  }

  private Referral sending(Actor a, long id, Privilege... any) {
    require(a, any);
    Referral r = store(a, id);
    if (!a.scope().includes(r.form.fromFacilityCode())) {
      throw new AccessDenied("REFERRAL_NOT_SENDER", "只有转出机构可以执行此操作");
    }
    return r;
  }

  private Referral receiving(Actor a, long id, Privilege... any) {
    require(a, any);
    Referral r = store(a, id);
    if (!a.scope().includes(r.form.toFacilityCode())) {
      throw new AccessDenied("REFERRAL_NOT_RECEIVER", "只有接收机构可以执行此操作");
    }
    return r;
  }

  static void require(Actor a, Privilege... any) {
    for (Privilege p : any) {
      if (a.can(p.name())) {
        return;
      }
    }
    throw new AccessDenied("REFERRAL_PRIVILEGE_REQUIRED", "您没有执行此转诊操作的权限");
  }
}
