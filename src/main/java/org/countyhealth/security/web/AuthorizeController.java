package org.countyhealth.security.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The authorization endpoint the FHIR CapabilityStatement names in its SMART {@code oauth-uris}
 * extension (FHIR R4 defines {@code authorize} there as required). The platform launches no apps
 * (no authorization code grant, SMART App Launch): no client has a registered redirect URI, so, as
 * RFC 6749 §4.1.2.1 asks for an invalid redirect URI, every request is answered here, without a
 * redirect, with the reason. System clients get their tokens at the token endpoint.
 */
@RestController
class AuthorizeController {

  static final String PATH = "/oauth/authorize";

  @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> authorize() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", "unsupported_response_type");
    body.put(
        "error_description",
        "本平台不支持 SMART App Launch（授权码方式）：系统客户端请以 client_credentials 向令牌端点申请令牌，见"
            + " /.well-known/smart-configuration");
    return ResponseEntity.badRequest().cacheControl(CacheControl.noStore()).body(body);
  }
}
