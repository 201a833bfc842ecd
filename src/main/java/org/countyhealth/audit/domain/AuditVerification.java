package org.countyhealth.audit.domain;

import java.util.List;
import java.util.stream.IntStream;
import org.countyhealth.audit.domain.AuditLog.Anchor;
import org.countyhealth.audit.domain.AuditLog.Head;
import org.countyhealth.audit.rules.HashChain;
import org.countyhealth.audit.rules.HashChain.Link;
import org.countyhealth.audit.rules.HashChain.Verdict;
import org.springframework.stereotype.Service;

/**
 * Verifies the whole chain from the newest retention anchor to the chain head, streaming the table
 * in id order in batches so that memory stays flat however long the trail is.
 */
@Service
public class AuditVerification {

  /** What the API and the page show. */
  public record Report(boolean ok, long checkedRows, Long firstBrokenId, String message) {}

  private final AuditLog log;
  private final int batchSize;

  AuditVerification(AuditLog log, AuditProperties properties) {
    this.log = log;
    this.batchSize = properties.batchSize();
  }

  public Report verify() {
    // The head first: rows appended while we read lie beyond it and are left for the next run.
    Head head = log.head();
    Anchor anchor = log.anchor();
    HashChain.Verifier verifier = HashChain.from(anchor.hash());
    long after = anchor.purgedThroughId();
    boolean intact = true;
    while (intact) {
      List<Link> batch = log.linksAfter(after, head.lastId(), batchSize);
      // Hashing dominates the cost and each row's hash depends on that row only: check contents
      // on all cores, then the links in order.
      boolean[] contentOk = new boolean[batch.size()];
      IntStream.range(0, batch.size())
          .parallel()
          .forEach(i -> contentOk[i] = HashChain.contentMatches(batch.get(i)));
      for (int i = 0; i < batch.size(); i++) {
        if (!verifier.accept(batch.get(i), contentOk[i])) {
          intact = false;
          break;
        }
      }
      if (batch.size() < batchSize) {
        break;
      }
      after = batch.get(batch.size() - 1).entry().id();
    }
    verifier.expectTail(head.lastHash(), head.lastId());
    return report(verifier.verdict());
  }

  static Report report(Verdict v) {
    if (v.ok()) {
      return new Report(true, v.checkedRows(), null, "审计链完整：已校验 " + v.checkedRows() + " 条记录，未发现篡改");
    }
    String message =
        switch (v.reason()) {
          case CONTENT_CHANGED -> "审计记录 #" + v.firstBrokenId() + " 的内容与其哈希值不符，该记录可能已被篡改";
          case LINK_BROKEN -> "审计记录 #" + v.firstBrokenId() + " 与前一条记录的链接断开，可能有记录被删除、插入或调换顺序";
          case TAIL_MISSING -> "审计链末尾缺少记录：链头登记到 #" + v.firstBrokenId() + "，但该记录已不存在或已被更改";
        };
    return new Report(false, v.checkedRows(), v.firstBrokenId(), message);
  }
}
