package io.astrocloud.testkit.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A service account of the {@link TestGcs} double: an RSA key pair, the JSON key file Google's
 * libraries read (application default credentials through {@code GOOGLE_APPLICATION_CREDENTIALS}),
 * and the OAuth 2.0 token endpoint that file names ({@code token_uri}). The endpoint checks the
 * JWT-bearer assertion as Google's does (RS256 signature by this key, issuer, audience, expiry)
 * before issuing an access token; requests then carry {@code Authorization: Bearer TOKEN}.
 */
public final class TestServiceAccount {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The audience Google's token endpoint wants (what Google's libraries write, whatever token_uri says). */
    private static final String GOOGLE_TOKEN_AUDIENCE = "https://oauth2.googleapis.com/token";

    private final KeyPair keys;
    private final String email;
    private final URI tokenUri;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> scopes = ConcurrentHashMap.newKeySet();

    TestServiceAccount(String email, URI tokenUri) {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(2048);
            this.keys = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        this.email = email;
        this.tokenUri = tokenUri;
    }

    /** The account's e-mail address (the JWT issuer). */
    public String email() {
        return email;
    }

    /** The JSON key file, as the IAM console would download it, with the double's token endpoint. */
    public String keyFileJson() {
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        ObjectNode n = JSON.createObjectNode()
                .put("type", "service_account")
                .put("project_id", "astrocloud-test")
                .put("private_key_id", "test-key-1")
                .put("private_key", pem)
                .put("client_email", email)
                .put("client_id", "100000000000000000001")
                .put("token_uri", tokenUri.toString());
        return n.toPrettyString();
    }

    /** The OAuth scopes access tokens were asked for. */
    public Set<String> scopesAsked() {
        return Set.copyOf(scopes);
    }

    /** True when {@code token} is an access token this account's endpoint issued. */
    boolean accepts(String token) {
        return token != null && issued.contains(token);
    }

    /**
     * Answers a token request body ({@code grant_type=...&assertion=JWT}): the token response JSON,
     * or null when the assertion is not a valid, current JWT signed by this account's key.
     */
    String exchange(String formBody) {
        Map<String, String> form = Stream.of(formBody.split("&")).map(p -> p.split("=", 2)).filter(p -> p.length == 2)
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8),
                        (a, b) -> a));
        if (!"urn:ietf:params:oauth:grant-type:jwt-bearer".equals(form.get("grant_type"))
                || !validAssertion(form.get("assertion"))) {
            return null;
        }
        String token = "ya29.test-" + UUID.randomUUID();
        issued.add(token);
        return JSON.createObjectNode().put("access_token", token).put("expires_in", 3600)
                .put("token_type", "Bearer").toString();
    }

    private boolean validAssertion(String jwt) {
        if (jwt == null) {
            return false;
        }
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return false;
        }
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initVerify(keys.getPublic());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!rs256.verify(Base64.getUrlDecoder().decode(parts[2]))) {
                return false;
            }
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            scopes.add(claims.path("scope").asText());
            return email.equals(claims.path("iss").asText())
                    && GOOGLE_TOKEN_AUDIENCE.equals(claims.path("aud").asText())
                    && claims.path("exp").asLong() > System.currentTimeMillis() / 1000;
        } catch (Exception malformed) {
            return false;
        }
    }
}
