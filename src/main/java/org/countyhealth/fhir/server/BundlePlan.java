package org.countyhealth.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.countyhealth.shared.Actor;
import org.countyhealth.shared.Privilege;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Bundle.BundleEntryComponent;
import org.hl7.fhir.r4.model.Bundle.HTTPVerb;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What a bundle asks for, checked before anything is written: every entry a create ({@code POST})
 * of a type some writer holds, by an actor allowed to write it, and the order in which to create
 * the entries so that an entry referenced by {@code urn:uuid:} is created before the entries that
 * point to it. All problems are reported together, each with its entry's location.
 */
final class BundlePlan {

  /** Writing a type needs this privilege (the services check theirs again). */
  private static final Map<String, Privilege> PRIVILEGES =
      Map.of(
          "Patient", Privilege.RESIDENT_EDIT,
          "Condition", Privilege.RESIDENT_EDIT,
          "Observation", Privilege.CHRONIC_EDIT,
          "Encounter", Privilege.CHRONIC_EDIT);

  static final String UUID_PREFIX = "urn:uuid:";

  /** One entry to create. {@code ifNoneExist} is the query part, or null. */
  record Step(
      int index,
      Resource resource,
      ResourceWriter<?> writer,
      String fullUrl,
      String ifNoneExist,
      List<Reference> localReferences) {}

  /** How an import differs from {@code POST /fhir}. */
  record Mode(boolean skipUnsupported, boolean conditionalByIdentifier) {
    static final Mode REQUEST = new Mode(false, false);
    static final Mode IMPORT = new Mode(true, true);
  }

  private final List<Step> order;
  private final Map<Integer, String> skipped;

  private final Set<String> skippedUrls;

  private BundlePlan(List<Step> order, Map<Integer, String> skipped, Set<String> skippedUrls) {
    this.order = order;
    this.skipped = skipped;
    this.skippedUrls = skippedUrls;
  }

  /** The fullUrls of skipped entries: references to them are dropped. */
  Set<String> skippedUrls() {
    return skippedUrls;
  }

  List<Step> order() {
    return order;
  }

  /** Entries of types the platform does not hold (imports only): index to type. */
  Map<Integer, String> skipped() {
    return skipped;
  }

  static BundlePlan of(
      Bundle bundle, ResourceWriters writers, FhirContext context, Actor actor, Mode mode) {
    List<OperationOutcome.OperationOutcomeIssueComponent> problems = new ArrayList<>();
    Map<Integer, String> skipped = new LinkedHashMap<>();
    Map<String, Integer> byUrl = new LinkedHashMap<>();
    List<Step> steps = new ArrayList<>();
    int status = 422;
    List<BundleEntryComponent> entries = bundle.getEntry();
    for (int i = 0; i < entries.size(); i++) {
      BundleEntryComponent entry = entries.get(i);
      String at = EntryFailures.location(i);
      Resource resource = entry.getResource();
      if (resource == null) {
        problems.add(issue(IssueType.REQUIRED, "条目缺少 resource", at + ".resource"));
        status = 400;
        continue;
      }
      String type = resource.fhirType();
      HTTPVerb method = entry.getRequest().getMethod();
      if (method == null) {
        problems.add(issue(IssueType.REQUIRED, "条目缺少 request.method", at + ".request.method"));
        status = 400;
        continue;
      }
      if (!writers.supports(type)) {
        if (mode.skipUnsupported()) {
          skipped.put(i, type);
          if (entry.hasFullUrl()) {
            byUrl.put(entry.getFullUrl(), -1);
          }
          continue;
        }
        if (entry.hasFullUrl()) {
          byUrl.put(entry.getFullUrl(), -1);
        }
        problems.add(
            issue(
                IssueType.NOTSUPPORTED,
                "本平台不接收 " + type + " 资源（可写入：" + String.join("、", writers.types()) + "）",
                at + ".resource"));
        continue;
      }
      if (method != HTTPVerb.POST) {
        problems.add(
            issue(
                IssueType.NOTSUPPORTED,
                "不支持 " + method.toCode() + " " + type + "：事务与批量只支持新建（POST）",
                at + ".request.method"));
        continue;
      }
      String url = entry.getRequest().getUrl();
      if (url == null || !url.strip().equals(type)) {
        problems.add(
            issue(
                IssueType.INVALID,
                "request.url 应为 " + type + "，收到的是 " + (url == null ? "（缺失）" : url),
                at + ".request.url"));
        status = 400;
        continue;
      }
      Privilege privilege = PRIVILEGES.getOrDefault(type, Privilege.RESIDENT_EDIT);
      if (!actor.can(privilege.name())) {
        problems.add(
            issue(IssueType.FORBIDDEN, "您没有" + privilege.label() + "的权限，不能写入 " + type, at));
        status = 403;
        continue;
      }
      String ifNoneExist =
          entry.getRequest().hasIfNoneExist()
              ? SingleCreates.queryPart(entry.getRequest().getIfNoneExist())
              : mode.conditionalByIdentifier() ? byIdentifier(resource) : null;
      if (entry.hasFullUrl()) {
        if (byUrl.putIfAbsent(entry.getFullUrl(), steps.size()) != null) {
          problems.add(
              issue(IssueType.DUPLICATE, "fullUrl 重复：" + entry.getFullUrl(), at + ".fullUrl"));
          status = 400;
        }
      }
      List<Reference> local =
          context.newTerser().getAllPopulatedChildElementsOfType(resource, Reference.class).stream()
              .filter(r -> r.hasReference() && r.getReference().startsWith(UUID_PREFIX))
              .toList();
      steps.add(
          new Step(
              i, resource, writers.of(type).orElseThrow(), entry.getFullUrl(), ifNoneExist, local));
    }
    for (Step step : steps) {
      for (Reference reference : step.localReferences()) {
        if (!byUrl.containsKey(reference.getReference())) {
          problems.add(
              issue(
                  IssueType.NOTFOUND,
                  "引用 " + reference.getReference() + " 不是本 Bundle 中任何条目的 fullUrl",
                  EntryFailures.location(step.index()) + ".resource"));
          status = 400;
        }
      }
    }
    if (!problems.isEmpty()) {
      throw refusal(status, problems);
    }
    Set<String> skippedUrls = new LinkedHashSet<>();
    byUrl.forEach(
        (url, step) -> {
          if (step < 0) {
            skippedUrls.add(url);
          }
        });
    return new BundlePlan(ordered(steps, byUrl), skipped, skippedUrls);
  }

  /** Kahn's algorithm, keeping the bundle's order among independent entries. */
  private static List<Step> ordered(List<Step> steps, Map<String, Integer> byUrl) {
    List<Step> result = new ArrayList<>(steps.size());
    Set<Integer> done = new LinkedHashSet<>();
    boolean progress = true;
    while (result.size() < steps.size() && progress) {
      progress = false;
      for (int s = 0; s < steps.size(); s++) {
        if (done.contains(s)) {
          continue;
        }
        boolean ready = true;
        for (Reference reference : steps.get(s).localReferences()) {
          int target = byUrl.get(reference.getReference());
          if (target >= 0 && target != s && !done.contains(target)) {
            ready = false;
            break;
          }
        }
        if (ready) {
          done.add(s);
          result.add(steps.get(s));
          progress = true;
        }
      }
    }
    if (result.size() < steps.size()) {
      Step stuck = steps.stream().filter(s -> !result.contains(s)).findFirst().orElseThrow();
      throw refusal(
          400,
          List.of(
              issue(
                  IssueType.INVALID,
                  "条目之间的 urn:uuid 引用构成循环，无法确定创建顺序",
                  EntryFailures.location(stuck.index()))));
    }
    return result;
  }

  /** An import is idempotent by identifier: the resource's first identifier with a system. */
  private static String byIdentifier(Resource resource) {
    org.hl7.fhir.r4.model.Property property = resource.getNamedProperty("identifier");
    if (property == null) {
      return null;
    }
    return property.getValues().stream()
        .filter(Identifier.class::isInstance)
        .map(Identifier.class::cast)
        .filter(i -> i.hasSystem() && i.hasValue())
        .findFirst()
        .map(i -> "identifier=" + i.getSystem() + "|" + i.getValue())
        .orElse(null);
  }

  private static OperationOutcome.OperationOutcomeIssueComponent issue(
      IssueType type, String message, String expression) {
    OperationOutcome.OperationOutcomeIssueComponent issue =
        new OperationOutcome.OperationOutcomeIssueComponent()
            .setSeverity(IssueSeverity.ERROR)
            .setCode(type)
            .setDiagnostics(message);
    issue.addExpression(expression);
    return issue;
  }

  private static BaseServerResponseException refusal(
      int status, List<OperationOutcome.OperationOutcomeIssueComponent> problems) {
    OperationOutcome outcome = new OperationOutcome();
    problems.forEach(outcome::addIssue);
    String message =
        "Bundle 被整体拒绝："
            + String.join(
                "；",
                problems.stream()
                    .map(p -> p.getExpression().get(0).getValue() + " " + p.getDiagnostics())
                    .toList());
    BaseServerResponseException e =
        switch (status) {
          case 400 -> new InvalidRequestException(message);
          case 403 -> new ForbiddenOperationException(message);
          default -> new UnprocessableEntityException(message);
        };
    e.setOperationOutcome(outcome);
    return e;
  }
}
