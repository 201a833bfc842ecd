package org.countyhealth.fhir.server;

import ca.uhn.fhir.rest.annotation.Metadata;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ServerCapabilityStatementProvider;
import jakarta.servlet.http.HttpServletRequest;
import org.countyhealth.security.OAuthEndpoints;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestSecurityComponent;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The generated CapabilityStatement with SMART on FHIR discovery (SMART App Launch, "Conformance";
 * R4 {@code CapabilityStatement.rest.security}): the service SMART-on-FHIR and the {@code
 * oauth-uris} extension naming the token endpoint, the URL {@code /.well-known/smart-configuration}
 * publishes. The platform issues tokens to system clients only (SMART Backend Services); the {@code
 * authorize} URL, which R4's definition of the extension requires, answers that no app is launched
 * here.
 *
 * <p>HAPI caches the statement for a minute and regenerates it on a background thread with a
 * finished request; the token URL may come from the request (no {@code
 * countyhealth.security.clients.token-url}), so it is generated per request ({@code cacheMillis =
 * 0}): a cheap walk over the registered providers.
 */
class SmartCapabilities extends ServerCapabilityStatementProvider {

  static final String SERVICES = "http://terminology.hl7.org/CodeSystem/restful-security-service";
  static final String OAUTH_URIS =
      "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

  private final OAuthEndpoints endpoints;

  SmartCapabilities(RestfulServer server, OAuthEndpoints endpoints) {
    super(server);
    this.endpoints = endpoints;
  }

  @Override
  @Metadata(cacheMillis = 0)
  public IBaseConformance getServerConformance(HttpServletRequest request, RequestDetails details) {
    CapabilityStatement statement =
        (CapabilityStatement) super.getServerConformance(request, details);
    CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
    security
        .addService()
        .setText("SMART on FHIR（SMART Backend Services，client_credentials）")
        .addCoding()
        .setSystem(SERVICES)
        .setCode("SMART-on-FHIR")
        .setDisplay("SMART-on-FHIR");
    security.setDescription(
        "系统客户端以 SMART Backend Services 取得令牌（Authorization: Bearer），令牌端点见 oauth-uris 扩展与"
            + " /.well-known/smart-configuration；平台用户以登录会话调用");
    Extension uris = security.addExtension().setUrl(OAUTH_URIS);
    uris.addExtension("token", new UriType(endpoints.tokenUrl(request)));
    // Required by the R4 definition of oauth-uris; it answers that no app is launched here.
    uris.addExtension("authorize", new UriType(endpoints.authorizeUrl(request)));
    return statement;
  }
}
