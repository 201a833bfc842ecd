package org.countyhealth.fhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.List;
import org.countyhealth.security.OAuthEndpoints;

/**
 * The HAPI plain server. It sits behind the Spring Security filter chain, so the providers see the
 * signed-in actor through {@link org.countyhealth.shared.CurrentActor}. The capability statement is
 * generated from the registered providers: it lists exactly what they implement, and where the
 * SMART token endpoint is ({@link SmartCapabilities}).
 */
class FhirServlet extends RestfulServer {

  private static final long serialVersionUID = 1L;

  private final transient List<IResourceProvider> providers;
  private final transient List<Object> plainProviders;
  private final transient OAuthEndpoints endpoints;

  FhirServlet(
      FhirContext context,
      List<IResourceProvider> providers,
      List<Object> plainProviders,
      OAuthEndpoints endpoints) {
    super(context);
    this.providers = List.copyOf(providers);
    this.plainProviders = List.copyOf(plainProviders);
    this.endpoints = endpoints;
  }

  @Override
  protected void initialize() {
    setServerName("CountyHealth FHIR R4");
    setImplementationDescription(
        "县域医共体健康信息平台 FHIR R4 接口：读取、检索与创建，所支持的资源与交互以本 CapabilityStatement 为准；"
            + "检索结果分页（_count 默认 20、最多 200，_offset 跳过条数，Bundle.total 为总数，按 next 链接翻页）");
    setDefaultResponseEncoding(EncodingEnum.JSON);
    setResourceProviders(providers);
    setPlainProviders(plainProviders);
    setServerConformanceProvider(new SmartCapabilities(this, endpoints));
  }
}
