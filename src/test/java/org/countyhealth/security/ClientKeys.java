package org.countyhealth.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * A system client's key pair made in the test, as a HIS would hold it: the public JWK (for
 * registration) and compact JWS signing (for client assertions), with the JDK only.
 */
public final class ClientKeys {

  private static final JsonMapper JSON = JsonMapper.shared();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  private final String kid;
  private final String alg;
  private final KeyPair pair;

  private ClientKeys(String kid, String alg, KeyPair pair) {
    this.kid = kid;
    this.alg = alg;
    this.pair = pair;
  }

  public static ClientKeys rsa(String kid) {
    return rsa(kid, 2048);
  }

  public static ClientKeys rsa(String kid, int bits) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(bits);
      return new ClientKeys(kid, "RS384", generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static ClientKeys ec(String kid) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
      generator.initialize(new ECGenParameterSpec("secp384r1"));
      return new ClientKeys(kid, "ES384", generator.generateKeyPair());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String kid() {
    return kid;
  }

  public String alg() {
    return alg;
  }

  /** The public JWK (RFC 7517) as a JSON object. */
  public String jwk() {
    if (pair.getPublic() instanceof RSAPublicKey rsa) {
      return JSON.writeValueAsString(
          Map.of(
              "kty",
              "RSA",
              "kid",
              kid,
              "alg",
              alg,
              "use",
              "sig",
              "n",
              B64.encodeToString(unsigned(rsa.getModulus().toByteArray())),
              "e",
              B64.encodeToString(unsigned(rsa.getPublicExponent().toByteArray()))));
    }
    ECPublicKey ec = (ECPublicKey) pair.getPublic();
    return JSON.writeValueAsString(
        Map.of(
            "kty",
            "EC",
            "kid",
            kid,
            "alg",
            alg,
            "crv",
            "P-384",
            "x",
            B64.encodeToString(fixed(ec.getW().getAffineX().toByteArray())),
            "y",
            B64.encodeToString(fixed(ec.getW().getAffineY().toByteArray()))));
  }

  /** A JWK set of the given keys' public halves. */
  public static String jwks(ClientKeys... keys) {
    StringBuilder out = new StringBuilder("{\"keys\":[");
    for (int i = 0; i < keys.length; i++) {
      out.append(i == 0 ? "" : ",").append(keys[i].jwk());
    }
    return out.append("]}").toString();
  }

  /** A compact JWS of {@code claims} with this key and {@code header} as given. */
  public String sign(Map<String, ?> header, Map<String, ?> claims) {
    String input =
        B64.encodeToString(JSON.writeValueAsBytes(header))
            + "."
            + B64.encodeToString(JSON.writeValueAsBytes(claims));
    try {
      Signature signer =
          Signature.getInstance(
              alg.equals("RS384") ? "SHA384withRSA" : "SHA384withECDSAinP1363Format");
      signer.initSign(pair.getPrivate());
      signer.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + B64.encodeToString(signer.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The usual header: this key's alg and kid, typ JWT. */
  public String sign(Map<String, ?> claims) {
    return sign(Map.of("alg", alg, "kid", kid, "typ", "JWT"), claims);
  }

  private static byte[] unsigned(byte[] bytes) {
    return bytes.length > 1 && bytes[0] == 0
        ? java.util.Arrays.copyOfRange(bytes, 1, bytes.length)
        : bytes;
  }

  /** P-384 coordinates are 48 bytes (RFC 7518 §6.2.1.2). */
  private static byte[] fixed(byte[] bytes) {
    byte[] out = new byte[48];
    byte[] in = unsigned(bytes);
    System.arraycopy(in, 0, out, 48 - in.length, in.length);
    return out;
  }
}
