package org.countyhealth.security.rules;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A system client's public JWK set (RFC 7517) as SMART Backend Services registers it: RSA keys for
 * RS384 (at least 2048 bits) and P-384 EC keys for ES384, each with a {@code kid}. Private members
 * are refused so that a pasted private key is never stored. Parsing validates; a bad set is an
 * {@link IllegalArgumentException} whose message is the Chinese text shown beside the field.
 */
public final class PublicKeySet {

  /** Longest JWK set text accepted (a few 4096-bit RSA keys fit comfortably). */
  public static final int MAX_LENGTH = 20_000;

  /** Members only private (or symmetric) keys have: RFC 7518 §6.2.2, §6.3.2, §6.4.1. */
  private static final Set<String> PRIVATE_MEMBERS =
      Set.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

  static final JsonMapper JSON = JsonMapper.shared();

  /** One key: its JWS algorithm and the JDK key. */
  public record Key(String kid, String alg, PublicKey publicKey) {}

  private final Map<String, Key> keys;

  private PublicKeySet(Map<String, Key> keys) {
    this.keys = keys;
  }

  public static PublicKeySet parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("请粘贴 JWK Set（JSON）");
    }
    if (text.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("JWK Set 过长（最多 " + MAX_LENGTH + " 个字符）");
    }
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new IllegalArgumentException("JWK Set 不是有效的 JSON");
    }
    JsonNode array = root == null ? null : root.get("keys");
    if (array == null || !array.isArray() || array.isEmpty()) {
      throw new IllegalArgumentException("JWK Set 须为 {\"keys\":[…]} 且至少包含一个公钥");
    }
    Map<String, Key> keys = new LinkedHashMap<>();
    int index = 0;
    for (JsonNode jwk : array) {
      index++;
      Key key = key(jwk, index);
      if (keys.putIfAbsent(key.kid(), key) != null) {
        throw new IllegalArgumentException("第 " + index + " 个公钥的 kid 与前面的重复：" + key.kid());
      }
    }
    return new PublicKeySet(keys);
  }

  public Optional<Key> byKid(String kid) {
    return Optional.ofNullable(kid).map(keys::get);
  }

  public List<String> kids() {
    return List.copyOf(keys.keySet());
  }

  private static Key key(JsonNode jwk, int index) {
    String where = "第 " + index + " 个公钥";
    if (jwk == null || !jwk.isObject()) {
      throw new IllegalArgumentException(where + "不是 JSON 对象");
    }
    for (String member : PRIVATE_MEMBERS) {
      if (jwk.has(member)) {
        throw new IllegalArgumentException(where + "含有私钥成员（" + member + "），请只粘贴公钥");
      }
    }
    String kid = text(jwk, "kid");
    if (kid == null || kid.isBlank() || kid.length() > 200) {
      throw new IllegalArgumentException(where + "缺少 kid（密钥标识）");
    }
    String kty = text(jwk, "kty");
    String alg = text(jwk, "alg");
    String use = text(jwk, "use");
    if (use != null && !"sig".equals(use)) {
      throw new IllegalArgumentException(where + "的 use 须为 sig");
    }
    try {
      if ("RSA".equals(kty)) {
        requireAlg(alg, "RS384", where);
        RSAPublicKey rsa =
            (RSAPublicKey)
                KeyFactory.getInstance("RSA")
                    .generatePublic(
                        new RSAPublicKeySpec(integer(jwk, "n", where), integer(jwk, "e", where)));
        if (rsa.getModulus().bitLength() < 2048) {
          throw new IllegalArgumentException(where + "的 RSA 模长不足 2048 位");
        }
        return new Key(kid, "RS384", rsa);
      }
      if ("EC".equals(kty)) {
        requireAlg(alg, "ES384", where);
        if (!"P-384".equals(text(jwk, "crv"))) {
          throw new IllegalArgumentException(where + "的曲线须为 P-384（ES384）");
        }
        ECPoint point = new ECPoint(integer(jwk, "x", where), integer(jwk, "y", where));
        ECParameterSpec curve = p384();
        if (!onCurve(point, curve)) {
          throw new IllegalArgumentException(where + "不是 P-384 曲线上的点");
        }
        PublicKey ec =
            KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, curve));
        return new Key(kid, "ES384", ec);
      }
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new IllegalArgumentException(where + "不是有效的公钥");
    }
    throw new IllegalArgumentException(where + "的 kty 须为 RSA（RS384）或 EC（ES384）");
  }

  private static void requireAlg(String alg, String expected, String where) {
    if (alg != null && !expected.equals(alg)) {
      throw new IllegalArgumentException(where + "的 alg 须为 " + expected + "（当前为 " + alg + "）");
    }
  }

  private static String text(JsonNode node, String member) {
    JsonNode value = node.get(member);
    return value != null && value.isString() ? value.stringValue() : null;
  }

  private static BigInteger integer(JsonNode jwk, String member, String where) {
    String value = text(jwk, member);
    try {
      if (value == null || value.isEmpty()) {
        throw new IllegalArgumentException();
      }
      return new BigInteger(1, Base64.getUrlDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "缺少或无法解析成员 " + member + "（base64url）");
    }
  }

  /** y² = x³ + ax + b (mod p): the JDK does not check a point given as coordinates. */
  private static boolean onCurve(ECPoint point, ECParameterSpec spec) {
    BigInteger p = ((ECFieldFp) spec.getCurve().getField()).getP();
    BigInteger x = point.getAffineX();
    BigInteger y = point.getAffineY();
    if (x.signum() < 0 || x.compareTo(p) >= 0 || y.signum() < 0 || y.compareTo(p) >= 0) {
      return false;
    }
    BigInteger right =
        x.pow(3).add(spec.getCurve().getA().multiply(x)).add(spec.getCurve().getB()).mod(p);
    return y.pow(2).mod(p).equals(right);
  }

  static ECParameterSpec p384() throws GeneralSecurityException {
    AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
    parameters.init(new ECGenParameterSpec("secp384r1"));
    return parameters.getParameterSpec(ECParameterSpec.class);
  }
}
