package org.countyhealth.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;

/** Reading searchset pages as a client does: each checked by the validator, links followed. */
final class SearchPaging {

  private static final FhirContext FHIR = FhirContext.forR4Cached();

  /** One GET of a path and query, with whatever credentials the caller holds. */
  @FunctionalInterface
  interface Fetch {
    HttpResponse<String> get(String pathAndQuery) throws Exception;
  }

  private SearchPaging() {}

  /** A 200 searchset, valid R4. */
  static Bundle bundle(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    Conformance.assertValid(response.body());
    return FHIR.newJsonParser().parseResource(Bundle.class, response.body());
  }

  static List<String> ids(Bundle bundle) {
    return bundle.getEntry().stream().map(e -> e.getResource().getIdElement().getIdPart()).toList();
  }

  /** The links are absolute (http://localhost:port/fhir/...): the path and query of one. */
  static String relative(String url) {
    URI uri = URI.create(url);
    return uri.getRawPath() + "?" + uri.getRawQuery();
  }

  /** Every page from the first, following {@code next} until there is none (at most 100). */
  static List<Bundle> follow(Fetch fetch, String first) throws Exception {
    List<Bundle> pages = new ArrayList<>();
    String next = first;
    while (next != null) {
      assertThat(pages).as("more pages than expected").hasSizeLessThan(100);
      Bundle page = bundle(fetch.get(next));
      pages.add(page);
      next =
          page.getLink(Bundle.LINK_NEXT) == null
              ? null
              : relative(page.getLink(Bundle.LINK_NEXT).getUrl());
    }
    return pages;
  }
}
