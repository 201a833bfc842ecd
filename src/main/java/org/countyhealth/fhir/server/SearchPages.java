package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.SimpleBundleProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.countyhealth.shared.Slice;
import org.countyhealth.shared.Window;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Search paging (docs/fhir.md, "Paging"): {@code _count} (default 20, at most 200) and {@code
 * _offset}. Each page is its own query with the caller's scope, so the {@code next} and {@code
 * previous} links are plain search URLs that HAPI builds from the answer's offset and size; nothing
 * is kept on the server between pages.
 */
final class SearchPages {

  static final int DEFAULT_COUNT = 20;
  static final int MAX_COUNT = 200;

  private SearchPages() {}

  /** The window asked for; a {@code _count} above the maximum is served at the maximum. */
  static Window window(Integer offset, Integer count) {
    if (offset != null && offset < 0) {
      throw new InvalidRequestException("_offset 不能为负数：" + offset);
    }
    if (count != null && count < 0) {
      throw new InvalidRequestException("_count 不能为负数：" + count);
    }
    return new Window(
        offset == null ? 0 : offset, count == null ? DEFAULT_COUNT : Math.min(count, MAX_COUNT));
  }

  /** A page already cut by the query, with the total of all matches (Bundle.total). */
  static IBundleProvider of(Window window, List<? extends IBaseResource> page, long total) {
    SimpleBundleProvider provider = new SimpleBundleProvider(page);
    provider.setSize(Math.toIntExact(total));
    provider.setCurrentPageOffset(window.offset());
    provider.setCurrentPageSize(window.count());
    return provider;
  }

  static IBundleProvider of(Window window, Slice<? extends IBaseResource> slice) {
    return of(window, slice.items(), slice.total());
  }

  /**
   * The window of a result already read whole: the resources about one patient, or the facilities
   * of a scope, which are few (docs/fhir.md, "Paging").
   */
  static <T> Slice<T> cut(Window window, List<T> all) {
    int from = Math.min(window.offset(), all.size());
    int to = Math.min(from + window.count(), all.size());
    return new Slice<>(all.subList(from, to), all.size());
  }
}
