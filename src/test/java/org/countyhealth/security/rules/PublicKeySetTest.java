package org.countyhealth.security.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.countyhealth.security.ClientKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 7517 / 7518 JWK sets as SMART Backend Services registers them (RS384, ES384, kid). */
class PublicKeySetTest {

  static final ClientKeys RSA = ClientKeys.rsa("rsa-1");
  static final ClientKeys EC = ClientKeys.ec("ec-1");

  @Test
  void readsRsaAndEcPublicKeysByKid() {
    PublicKeySet keys = PublicKeySet.parse(ClientKeys.jwks(RSA, EC));
    assertThat(keys.kids()).containsExactly("rsa-1", "ec-1");
    assertThat(keys.byKid("ec-1")).get().extracting(PublicKeySet.Key::alg).isEqualTo("ES384");
    assertThat(keys.byKid("nope")).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "not JSON | {keys | 不是有效的 JSON",
        "no keys member | {} | 至少包含一个公钥",
        "empty keys | {\"keys\":[]} | 至少包含一个公钥",
        "symmetric key | {\"keys\":[{\"kty\":\"oct\",\"kid\":\"a\",\"k\":\"AAAA\"}]} | 含有私钥成员（k）",
        "RSA private key | {\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"n\":\"AQAB\",\"e\":\"AQAB\",\"d\":\"AQAB\"}]} | 含有私钥成员（d）",
        "no kid | {\"keys\":[{\"kty\":\"RSA\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]} | 缺少 kid",
        "tiny RSA modulus | {\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]} | 不是有效的公钥",
        "RSA with alg RS256 | {\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"alg\":\"RS256\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]} | alg 须为 RS384",
        "EC on P-256 | {\"keys\":[{\"kty\":\"EC\",\"kid\":\"a\",\"crv\":\"P-256\",\"x\":\"AQAB\",\"y\":\"AQAB\"}]} | 曲线须为 P-384",
        "EC point off the curve | {\"keys\":[{\"kty\":\"EC\",\"kid\":\"a\",\"crv\":\"P-384\",\"x\":\"AQAB\",\"y\":\"AQAB\"}]} | 不是 P-384 曲线上的点",
        "encryption key | {\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"use\":\"enc\",\"n\":\"AQAB\",\"e\":\"AQAB\"}]} | use 须为 sig",
        "unknown kty | {\"keys\":[{\"kty\":\"OKP\",\"kid\":\"a\"}]} | kty 须为 RSA（RS384）或 EC（ES384）",
        "bad base64 | {\"keys\":[{\"kty\":\"RSA\",\"kid\":\"a\",\"n\":\"*\",\"e\":\"AQAB\"}]} | 无法解析成员 n",
      })
  void refusesWhatIsNotAPublicSigningKeyForRs384OrEs384(String name, String text, String message) {
    assertThatThrownBy(() -> PublicKeySet.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @Test
  void refusesDuplicateKidsAndSmallRsaKeysMadeByAClient() {
    assertThatThrownBy(() -> PublicKeySet.parse(ClientKeys.jwks(RSA, ClientKeys.ec("rsa-1"))))
        .hasMessageContaining("kid 与前面的重复");
    assertThatThrownBy(() -> PublicKeySet.parse(ClientKeys.jwks(ClientKeys.rsa("small", 1024))))
        .hasMessageContaining("不足 2048 位");
  }
}
