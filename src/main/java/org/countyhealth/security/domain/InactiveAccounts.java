package org.countyhealth.security.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.countyhealth.audit.AuditResult;
import org.countyhealth.audit.AuditTrail;
import org.countyhealth.security.rules.InactivityPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Disables accounts unused for 90 days (000_65944b5c5b97f013.txt line 1891), every night and on
 * demand; each disabled account leaves an audit event.
 */
@Service
public class InactiveAccounts {

  static final String REASON = "连续 90 天未使用，系统自动停用";
  private static final Logger log = LoggerFactory.getLogger(InactiveAccounts.class);

  private final AccountStore store;
  private final InactivityPolicy policy;
  private final AuditTrail audit;
  private final Clock clock;

  InactiveAccounts(AccountStore store, InactivityPolicy policy, AuditTrail audit, Clock clock) {
    this.store = store;
    this.policy = policy;
    this.audit = audit;
    this.clock = clock;
  }

  /** Returns the ids of the accounts it disabled. */
  @Scheduled(cron = "${countyhealth.security.inactivity.cron:0 30 2 * * *}")
  @Transactional
  public List<Long> disableUnused() {
    Instant now = clock.instant();
    List<Long> ids = store.unusedSince(policy.cutoff(now));
    for (long id : ids) {
      store.disable(id, REASON, now);
      audit.record("ACCOUNT_DISABLE_INACTIVE", "Account", Long.toString(id), AuditResult.SUCCESS);
    }
    if (!ids.isEmpty()) {
      log.info("Disabled {} accounts unused since {}", ids.size(), policy.cutoff(now));
    }
    return ids;
  }
}
