package org.qipathways.moodle.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for a site with a private certificate authority: the platform's authorities plus the
 * given certificates. There is deliberately no way to trust everything.
 */
final class Tls {

    private Tls() {
    }

    /** A trust manager accepting chains the platform or {@code extra} accept. */
    static X509TrustManager trustManager(List<X509Certificate> extra) throws GeneralSecurityException {
        X509TrustManager platform = trustManagerFor(null);
        KeyStore store;
        try {
            store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        for (int i = 0; i < extra.size(); i++) {
            store.setCertificateEntry("extra-" + i, extra.get(i));
        }
        X509TrustManager added = trustManagerFor(store);
        return new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                platform.checkClientTrusted(chain, authType);
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                try {
                    platform.checkServerTrusted(chain, authType);
                } catch (CertificateException notByPlatform) {
                    try {
                        added.checkServerTrusted(chain, authType);
                    } catch (CertificateException notByExtra) {
                        notByPlatform.addSuppressed(notByExtra);
                        throw notByPlatform;
                    }
                }
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                List<X509Certificate> all = new ArrayList<>(List.of(platform.getAcceptedIssuers()));
                all.addAll(List.of(added.getAcceptedIssuers()));
                return all.toArray(new X509Certificate[0]);
            }
        };
    }

    static SSLContext context(X509TrustManager trust) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trust}, null);
        return context;
    }

    private static X509TrustManager trustManagerFor(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        f.init(store);
        for (TrustManager m : f.getTrustManagers()) {
            if (m instanceof X509TrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("the platform has no X.509 trust manager");
    }
}
