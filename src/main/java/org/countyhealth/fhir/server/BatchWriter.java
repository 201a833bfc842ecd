package org.countyhealth.fhir.server;

import java.util.List;
import org.countyhealth.shared.Actor;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;

/**
 * A writer that stores many resources of its type faster together than one by one (the resident
 * index matches a bundle's patients as one batch). A transaction bundle hands it every entry of its
 * type that refers to no other entry.
 */
interface BatchWriter<T extends IBaseResource> extends ResourceWriter<T> {

  /**
   * Stores the resources as {@link #create} would, answering their ids in order. A refusal is an
   * {@link EntryRefused} naming the position of the refused resource; nothing is stored then.
   */
  List<IdType> createAll(List<T> resources, Actor actor, WriteSession session);

  /** The resource at {@code position} of a {@link #createAll} was refused for {@code reason}. */
  final class EntryRefused extends RuntimeException {

    private final int position;

    EntryRefused(int position, RuntimeException reason) {
      super(reason.getMessage(), reason);
      this.position = position;
    }

    int position() {
      return position;
    }

    RuntimeException reason() {
      return (RuntimeException) getCause();
    }
  }
}
