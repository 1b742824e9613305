package org.qipathways.moodle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qipathways.moodle.MockMoodle.json;

import java.net.URI;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** HTTPS is required except on loopback addresses, and certificates are always checked. */
class TlsAndAddressTest {

    private static final MoodleToken TOKEN = MoodleToken.of(MockMoodle.TOKEN);

    @ParameterizedTest
    @ValueSource(strings = {"http://moodle.example.org", "http://10.0.0.5", "http://192.168.1.10:8080/moodle",
            "http://localhost.example.org", "http://127.0.0.1.nip.io"})
    void plainHttpIsRefusedForAnyAddressButLoopback(String site) {
        assertThatThrownBy(() -> MoodleConfig.of(URI.create(site), TOKEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the Moodle site must use https")
                .hasMessageContaining("http is accepted only for loopback addresses");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://127.0.0.1:41234", "http://127.9.9.9", "http://[::1]:9000",
            "https://moodle.example.org"})
    void loopbackAddressesMayUsePlainHttpAndEveryOtherUsesHttps(String site) {
        assertThat(MoodleConfig.of(URI.create(site), TOKEN).site()).hasToString(site);
    }

    @Test
    void theSiteAddressIsNormalisedToTheBaseAddress() {
        assertThat(MoodleConfig.of(URI.create("https://example.org/moodle/"), TOKEN).endpoint())
                .hasToString("https://example.org/moodle/webservice/rest/server.php");
        assertThat(MoodleConfig.of(URI.create("https://example.org/moodle/webservice/rest/server.php"), TOKEN).site())
                .hasToString("https://example.org/moodle");
    }

    @Test
    void aTokenInTheAddressIsRefused() {
        assertThatThrownBy(() -> MoodleConfig.of(URI.create("https://example.org/?wstoken=" + MockMoodle.TOKEN), TOKEN))
                .hasMessageContaining("must not carry user info, a query or a fragment")
                .message().doesNotContain(MockMoodle.TOKEN);
    }

    private static HeldCertificate certificate(String host) {
        return new HeldCertificate.Builder().commonName(host).addSubjectAlternativeName(host).build();
    }

    private static MockWebServer https(HeldCertificate certificate) throws Exception {
        MockWebServer server = new MockWebServer();
        HandshakeCertificates serverCerts = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        server.useHttps(serverCerts.sslSocketFactory());
        server.start();
        return server;
    }

    @Test
    void anUntrustedCertificateFailsTheCallWithoutRetrying() throws Exception {
        try (MockWebServer server = https(certificate("localhost"))) {
            server.enqueue(json(MockMoodle.siteInfo()));
            MoodleConfig config = MoodleConfig.of(URI.create("https://localhost:" + server.getPort()), TOKEN);
            try (MoodleClient c = MockMoodle.client(config, new MockMoodle.Sleeps())) {
                assertThatThrownBy(c::siteInfo).isInstanceOfSatisfying(MoodleTransportException.class,
                        e -> assertThat(e.attempts()).isEqualTo(1))
                        .hasMessageContaining("the TLS connection to localhost failed")
                        .hasMessageContaining("private certificate authority");
            }
        }
    }

    @Test
    void aPrivateCertificateAuthorityIsTrustedOnlyWhenAddedAndHostNamesAreStillChecked() throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0).build();
        HeldCertificate forLocalhost = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("localhost").build();
        try (MockWebServer server = https(forLocalhost)) {
            server.enqueue(json(MockMoodle.siteInfo()));
            MoodleConfig config = MoodleConfig.builder(URI.create("https://localhost:" + server.getPort()), TOKEN)
                    .trustedCertificates(List.of(ca.certificate())).build();
            try (MoodleClient c = MoodleClient.create(config)) {
                assertThat(c.siteInfo().sitename()).isEqualTo("Test site");
            }
        }
        HeldCertificate forOtherHost = new HeldCertificate.Builder().signedBy(ca).addSubjectAlternativeName("moodle.example.org").build();
        try (MockWebServer server = https(forOtherHost)) {
            server.enqueue(json(MockMoodle.siteInfo()));
            MoodleConfig config = MoodleConfig.builder(URI.create("https://localhost:" + server.getPort()), TOKEN)
                    .trustedCertificates(List.of(ca.certificate())).build();
            try (MoodleClient c = MoodleClient.create(config)) {
                assertThatThrownBy(c::siteInfo).isInstanceOf(MoodleTransportException.class)
                        .hasMessageContaining("TLS connection to localhost failed");
            }
        }
    }
}
