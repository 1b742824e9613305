package org.qipathways.certification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** BouncyCastle's signatures are the ones the runtime (and so every verifier) accepts. */
class SignersTest {

    @Test
    void coresTestsRunWithBouncyCastleSoThatItsPathIsTheOneExercised() {
        assertThat(Signers.fast()).isTrue();
    }

    @Test
    void ed25519GivesTheSameBytesAsTheRuntimeAndTheRuntimeVerifiesThem() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        UnaryOperator<byte[]> fast = Signers.ed25519(pair.getPrivate());
        UnaryOperator<byte[]> runtime = Signers.runtime("Ed25519", pair.getPrivate());
        for (int i = 0; i < 50; i++) {
            byte[] data = ("certificate " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = fast.apply(data);
            assertThat(signature).isEqualTo(runtime.apply(data));
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(pair.getPublic());
            v.update(data);
            assertThat(v.verify(signature)).isTrue();
        }
    }

    @Test
    void es256SignaturesAre64BytesThatTheRuntimeVerifiesEvenWhenROrSIsShort() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = g.generateKeyPair();
        UnaryOperator<byte[]> fast = Signers.es256((ECPrivateKey) pair.getPrivate());
        int leadingZero = 0;
        // about one signature in 128 has r or s below 2^248: enough of them to check the padding
        for (int i = 0; i < 2000; i++) {
            byte[] data = ("credential " + i).getBytes(StandardCharsets.UTF_8);
            byte[] signature = fast.apply(data);
            assertThat(signature).hasSize(64);
            if (signature[0] == 0 || signature[32] == 0) {
                leadingZero++;
            }
            Signature v = Signature.getInstance("SHA256withECDSAinP1363Format");
            v.initVerify(pair.getPublic());
            v.update(data);
            assertThat(v.verify(signature)).as("signature %d", i).isTrue();
        }
        assertThat(leadingZero).isPositive();
    }

    @Test
    void es256IsDeterministicForOneKeyAndMessage() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        UnaryOperator<byte[]> fast = Signers.es256((ECPrivateKey) g.generateKeyPair().getPrivate());
        byte[] data = "the same credential".getBytes(StandardCharsets.UTF_8);
        assertThat(fast.apply(data)).isEqualTo(fast.apply(data));
    }
}
