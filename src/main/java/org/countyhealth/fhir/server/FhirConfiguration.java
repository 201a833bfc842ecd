package org.countyhealth.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.List;
import org.countyhealth.security.OAuthEndpoints;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the FHIR servlet at /fhir/* beside the DispatcherServlet. */
@Configuration(proxyBeanMethods = false)
class FhirConfiguration {

  /** Building the R4 context scans the model classes once: share it. */
  @Bean
  FhirContext fhirContext() {
    return FhirContext.forR4Cached();
  }

  @Bean
  ServletRegistrationBean<FhirServlet> fhirServlet(
      FhirContext context,
      List<IResourceProvider> providers,
      TransactionProvider transactions,
      OAuthEndpoints endpoints) {
    ServletRegistrationBean<FhirServlet> registration =
        new ServletRegistrationBean<>(
            new FhirServlet(context, providers, List.of(transactions), endpoints), "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
