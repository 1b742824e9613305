package org.qipathways.platform;

import java.net.URI;
import java.util.Map;
import java.util.Objects;

/**
 * Where a learning platform is and how to sign in to it: the site's address, a secret credential
 * (for Moodle, a web-service token) and connector-specific options.
 *
 * <p>{@link #toString()} never shows the credential, so settings can be logged.
 * <pre>{@code
 * PlatformSettings settings = PlatformSettings.of(URI.create("https://moodle.example.nhs.uk"),
 *         System.getenv("MOODLE_TOKEN"));
 * settings.toString();   // PlatformSettings[site=https://moodle.example.nhs.uk, credential=(redacted), options={}]
 * }</pre>
 *
 * @param site the platform's base address
 * @param credential the secret that authenticates the connector; never blank
 * @param options connector-specific settings by name, e.g. {@code max-input-vars=5000}
 */
public record PlatformSettings(URI site, String credential, Map<String, String> options) {

    public PlatformSettings {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(credential, "credential");
        if (credential.isBlank()) {
            throw new IllegalArgumentException("the credential for " + site + " is blank");
        }
        options = Map.copyOf(options);
    }

    /** Settings without options. */
    public static PlatformSettings of(URI site, String credential) {
        return new PlatformSettings(site, credential, Map.of());
    }

    /** A copy with one more option. */
    public PlatformSettings withOption(String name, String value) {
        Map<String, String> more = new java.util.LinkedHashMap<>(options);
        more.put(name, value);
        return new PlatformSettings(site, credential, more);
    }

    @Override
    public String toString() {
        return "PlatformSettings[site=" + site + ", credential=(redacted), options=" + options + "]";
    }
}
