package org.qipathways.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Open Badges signing key (P-256, ES256), its did:jwk, and the learner secret. */
class BadgeKeyTest {

    @TempDir
    Path dir;

    @Test
    void keysAreWrittenAsPemWithThePrivateKeyOwnerOnlyAndReadBack() throws IOException {
        BadgeKey key = BadgeKey.generate();
        key.write(dir);
        Path priv = dir.resolve("badge-private.pem");
        Path pub = dir.resolve("badge-public.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(priv))).isEqualTo("rw-------");
        // (the PEM labels are split so that no scan for committed keys mistakes this test for one)
        assertThat(Files.readString(priv)).startsWith("-----BEGIN " + "PRIVATE KEY-----\n");
        assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n");
        BadgeKey back = BadgeKey.load(priv, pub);
        assertThat(back.publicKey()).isEqualTo(key.publicKey());
        assertThat(back.publicKey().keyId()).matches("sha256:[0-9a-f]{64}");
        assertThat(back.toString()).startsWith("P-256 key pair sha256:")
                .doesNotContain(Files.readString(priv).lines().skip(1).findFirst().orElseThrow());
        assertThatThrownBy(() -> BadgeKey.generate().write(dir)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(BadgePublicKey.load(pub)).isEqualTo(key.publicKey());
    }

    @Test
    void anEd25519KeyOrMismatchedHalvesAreRefusedClearly() throws IOException {
        IssuerKey.generate().write(dir.resolve("ed"));
        assertThatThrownBy(() -> BadgeKey.load(dir.resolve("ed/issuer-private.pem"), dir.resolve("ed/issuer-public.pem")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a P-256 private key");
        assertThatThrownBy(() -> BadgePublicKey.load(dir.resolve("ed/issuer-public.pem")))
                .hasMessageContaining("not a P-256 public key");
        BadgeKey.generate().write(dir.resolve("a"));
        BadgeKey.generate().write(dir.resolve("b"));
        assertThatThrownBy(() -> BadgeKey.load(dir.resolve("a/badge-private.pem"), dir.resolve("b/badge-public.pem")))
                .hasMessageContaining("not two halves of one key pair");
    }

    @Test
    void theDidJwkHoldsThePublicKeyAndResolvesBackToIt() {
        BadgePublicKey key = BadgeKey.generate().publicKey();
        String did = key.did();
        assertThat(did).startsWith("did:jwk:");
        String json = new String(Base64.getUrlDecoder().decode(did.substring("did:jwk:".length())), StandardCharsets.UTF_8);
        assertThat(json).startsWith("{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"").doesNotContain("\"d\"");
        assertThat(key.kid()).isEqualTo(did + "#0");
        assertThat(BadgePublicKey.fromDidJwk(key.kid())).isEqualTo(key);
        assertThat(BadgePublicKey.fromDidJwk(did)).isEqualTo(key);
        assertThat(BadgePublicKey.fromJwk(key.jwk())).isEqualTo(key);
        assertThat(BadgePublicKey.fromPem(key.pem(), "pem")).isEqualTo(key);
    }

    @Test
    void aJwkThatIsNotAPublicP256KeyIsRefused() {
        ObjectNode jwk = BadgeKey.generate().publicKey().jwk();
        ObjectNode withD = jwk.deepCopy().put("d", jwk.get("x").textValue());
        assertThatThrownBy(() -> BadgePublicKey.fromJwk(withD)).hasMessageContaining("private key");
        assertThatThrownBy(() -> BadgePublicKey.fromJwk(jwk.deepCopy().put("crv", "P-384"))).hasMessageContaining("not a P-256 key");
        assertThatThrownBy(() -> BadgePublicKey.fromJwk(jwk.deepCopy().put("x", "AAAA"))).hasMessageContaining("32 bytes");
        // a point off the curve: y one more than it should be
        byte[] y = Base64.getUrlDecoder().decode(jwk.get("y").textValue());
        y[31] ^= 1;
        ObjectNode offCurve = jwk.deepCopy().put("y", Base64.getUrlEncoder().withoutPadding().encodeToString(y));
        assertThatThrownBy(() -> BadgePublicKey.fromJwk(offCurve)).hasMessageContaining("not on the P-256 curve");
        assertThatThrownBy(() -> BadgePublicKey.fromDidJwk("did:key:z6Mk")).hasMessageContaining("not a did:jwk");
        assertThatThrownBy(() -> BadgePublicKey.fromDidJwk("did:jwk:!!!")).hasMessageContaining("base64url JSON JWK");
    }

    @Test
    void signaturesAreEs256AsJoseWritesThem() {
        BadgeKey key = BadgeKey.generate();
        byte[] data = "header.payload".getBytes(StandardCharsets.US_ASCII);
        byte[] sig = key.sign(data);
        assertThat(sig).as("r and s, 32 bytes each, not DER").hasSize(64);
        assertThat(key.publicKey().verifies(data, sig)).isTrue();
        assertThat(key.publicKey().verifies("header.payloaD".getBytes(StandardCharsets.US_ASCII), sig)).isFalse();
        assertThat(BadgeKey.generate().publicKey().verifies(data, sig)).isFalse();
        assertThat(key.publicKey().verifies(data, new byte[63])).isFalse();
    }

    @Test
    void theLearnerSecretIsOwnerOnlyNeverOverwrittenAndNeverShown() throws IOException {
        LearnerSecret secret = LearnerSecret.generate();
        secret.write(dir);
        Path file = dir.resolve("learner-secret.key");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).matches("[0-9a-f]{64}\n");
        LearnerSecret back = LearnerSecret.load(file);
        assertThat(back.subjectId("QIP-BSG", "L1")).isEqualTo(secret.subjectId("QIP-BSG", "L1"));
        assertThat(back.subjectId("QIP-BSG", "L1")).isNotEqualTo(back.subjectId("QIP-BSG", "L2"))
                .isNotEqualTo(back.subjectId("OTHER", "L1"));
        assertThat(back.toString()).doesNotContain(Files.readString(file).strip());
        assertThatThrownBy(() -> LearnerSecret.generate().write(dir)).isInstanceOf(FileAlreadyExistsException.class);

        Path bad = Files.writeString(dir.resolve("bad.key"), "0123456789abcdef-not-a-secret\n");
        assertThatThrownBy(() -> LearnerSecret.load(bad)).hasMessageContaining("not a learner secret")
                .hasMessageNotContaining("not-a-secret");
    }

    @Test
    void theIdentityHashIsOb3sIdentityHash() {
        // the example in 1EdTech's schema: a@example.com salted with Kosher
        assertThat(LearnerSecret.identityHash("a@example.com", "Kosher"))
                .isEqualTo("sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399");
    }
}
