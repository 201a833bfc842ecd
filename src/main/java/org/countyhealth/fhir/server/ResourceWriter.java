package org.countyhealth.fhir.server;

import java.util.Optional;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * Creates resources of one type through the owning module's facade. The type's provider (a plain
 * {@code POST /fhir/Type}), transaction and batch bundles and the bulk import all write through the
 * same writer, so a resource is checked by the same rules whichever way it arrives.
 *
 * <p>A writer throws HAPI's {@code UnprocessableEntityException} or {@code InvalidRequestException}
 * with an OperationOutcome naming the element (e.g. {@code Observation.component[0]}) when the
 * resource is refused; it stores nothing then.
 */
interface ResourceWriter<T extends IBaseResource> {

  Class<T> type();

  /**
   * The resource already held for a conditional create ({@code ifNoneExist}, e.g. {@code
   * identifier=system|value}); empty when none matches. Two or more matches are an error (412).
   */
  Optional<IdType> existing(String ifNoneExist, Actor actor);

  /**
   * Stores the resource; its references are already local ({@code Patient/123}: the caller replaced
   * any {@code urn:uuid:}). Answers the new local id with its type, e.g. {@code Encounter/42}. Work
   * that needs other entries of the same request (an Encounter's observations making one follow-up)
   * is deferred to {@code session}.
   */
  IdType create(T resource, Actor actor, WriteSession session);
}
