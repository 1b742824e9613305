package org.qipathways.certification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.qipathways.certification.internal.CompactJws;

/**
 * The register's revocation list as a W3C Bitstring Status List (v1.0): one bit per certificate
 * exported as an Open Badges credential, at the index its credential carries
 * ({@code credentialStatus.statusListIndex}), set when the certificate is revoked. The issuer publishes
 * it, signed, at the URL every credential names ({@code statusListCredential}); a holder or an employer
 * fetches it and checks the bit, without telling the issuer which credential they check.
 *
 * <p>The list has at least {@value #MIN_LENGTH} bits (16 KiB, the specification's minimum, so that
 * one revocation hides among many places) and grows by doubling. Bit 0 is the first (most
 * significant) bit of the first byte. It is published as {@code encodedList}: the GZIP of the bits,
 * in base64url without padding, with the multibase prefix {@code u}.
 * <pre>{@code
 * StatusList list = StatusList.of(register.statusEntries(), LocalDate.of(2026, 3, 31));
 * list.revoked(48213);    // true when that certificate was revoked by then
 * String jws = list.jwt(register.statusListUrl().orElseThrow(), badgeKey, clock.instant());
 * }</pre>
 */
public final class StatusList {

    /** The least number of bits: 131,072 (Bitstring Status List v1.0, "minimum bitstring length"). */
    public static final int MIN_LENGTH = 131_072;

    /** The most bytes a list may expand to (2^27 bits): anything larger is refused as a decompression bomb. */
    static final int MAX_BYTES = 1 << 24;

    /** What the list says: revocation, which is permanent. */
    public static final String PURPOSE = "revocation";

    private final byte[] bits;

    private StatusList(byte[] bits) {
        this.bits = bits;
    }

    /**
     * The list as of a day: a bit is set for every certificate revoked on or before it.
     *
     * @param entries the register's entries ({@link CertificateRegister#statusEntries()})
     */
    public static StatusList of(Collection<StatusEntry> entries, LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        long length = MIN_LENGTH;
        for (StatusEntry e : entries) {
            while (e.index() >= length) {
                length *= 2;
            }
        }
        byte[] bits = new byte[(int) (length / 8)];
        for (StatusEntry e : entries) {
            Certificate c = e.certificate();
            if (c.status() == CertificateStatus.REVOKED && !c.statusOn().isAfter(asOf)) {
                bits[e.index() / 8] |= (byte) (0x80 >>> (e.index() % 8));
            }
        }
        return new StatusList(bits);
    }

    /**
     * The list an {@code encodedList} holds.
     *
     * @throws IllegalArgumentException when it is not multibase base64url ({@code u...}) of GZIP data
     *                                  of at least {@value #MIN_LENGTH} bits
     */
    public static StatusList decode(String encodedList) {
        if (encodedList == null || !encodedList.startsWith("u")) {
            throw new IllegalArgumentException("encodedList does not start with the multibase prefix u (base64url)");
        }
        byte[] gzip;
        try {
            gzip = Base64.getUrlDecoder().decode(encodedList.substring(1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("encodedList is not base64url", e);
        }
        byte[] bits;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            // a small file of zeros can expand to gigabytes: read no more than a list can hold
            bits = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new IllegalArgumentException("encodedList is not GZIP data: " + e.getMessage(), e);
        }
        if (bits.length > MAX_BYTES) {
            throw new IllegalArgumentException("the status list expands to more than " + MAX_BYTES + " bytes");
        }
        if ((long) bits.length * 8 < MIN_LENGTH) {
            throw new IllegalArgumentException("the status list has " + (long) bits.length * 8 + " bits, fewer than the "
                    + MIN_LENGTH + " the specification requires");
        }
        return new StatusList(bits);
    }

    /** How many bits the list has. */
    public long length() {
        return (long) bits.length * 8;
    }

    /**
     * Whether the bit at {@code index} is set.
     *
     * @throws IndexOutOfBoundsException when the list has no such bit
     */
    public boolean revoked(int index) {
        if (index < 0 || index >= length()) {
            throw new IndexOutOfBoundsException("status list index " + index + " is outside the list's " + length() + " bits");
        }
        return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
    }

    /** How many bits are set. */
    public int revokedCount() {
        int n = 0;
        for (byte b : bits) {
            n += Integer.bitCount(b & 0xff);
        }
        return n;
    }

    /** The {@code encodedList}: {@code u} and the base64url, without padding, of the GZIP of the bits. */
    public String encodedList() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(bits);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "u" + Base64.getUrlEncoder().withoutPadding().encodeToString(out.toByteArray());
    }

    /**
     * The list as a {@code BitstringStatusListCredential}: the VC 2.0 context, the list's URL as its id,
     * the issuer's did:jwk as issuer, {@code validFrom} when it was made, and a {@code BitstringStatusList}
     * subject ({@code url#list}) with purpose revocation and the encoded list.
     */
    public ObjectNode credential(String url, BadgePublicKey issuer, Instant madeAt) {
        checkUrl(url);
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode vc = f.objectNode();
        vc.putArray("@context").add(OpenBadges.VC_CONTEXT);
        vc.put("id", url);
        vc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        vc.put("issuer", issuer.did());
        vc.put("validFrom", madeAt.truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", url + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", PURPOSE);
        subject.put("encodedList", encodedList());
        return vc;
    }

    /**
     * The signed list to publish: {@link #credential} as a compact JWS (ES256) whose payload is the
     * credential with the claim {@code iss} (the issuer), a term the VC 2.0 context defines. No time
     * claims: a verifier whose clock is a little behind must not reject a list made a moment ago.
     */
    public String jwt(String url, BadgeKey key, Instant madeAt) {
        ObjectNode payload = credential(url, key.publicKey(), madeAt);
        payload.put("iss", key.publicKey().did());
        return key.signJwt(payload);
    }

    /**
     * Reads a published list (as {@link #jwt} writes it) and checks it: signed by one of {@code trusted}
     * (ES256), of purpose revocation, and published for {@code url}, the list a credential names.
     *
     * @return the list and the time it was made
     * @throws IllegalArgumentException saying why it cannot be trusted
     */
    public static Published read(String jws, Predicate<BadgePublicKey> trusted, String url) {
        CompactJws parsed;
        try {
            parsed = CompactJws.parse(jws);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the status list is not a signed status list: " + e.getMessage(), e);
        }
        if (!BadgeKey.ALGORITHM.equals(parsed.algorithm())) {
            throw new IllegalArgumentException("the status list is signed with " + parsed.algorithm() + ", not ES256");
        }
        BadgePublicKey key;
        try {
            key = parsed.key();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the status list does not name its key: " + e.getMessage(), e);
        }
        if (!trusted.test(key)) {
            throw new IllegalArgumentException("the status list is signed with key " + key.keyId() + ", which is not a trusted issuer key");
        }
        if (!parsed.signedBy(key)) {
            throw new IllegalArgumentException("the status list's signature does not match its content: it was changed after signing");
        }
        JsonNode vc = parsed.payload();
        if (!typeContains(vc.get("type"), "BitstringStatusListCredential")) {
            throw new IllegalArgumentException("the status list is not a BitstringStatusListCredential");
        }
        if (!url.equals(vc.path("id").textValue())) {
            throw new IllegalArgumentException("the status list is the list at " + vc.path("id").asText()
                    + ", but the credential's is at " + url);
        }
        JsonNode subject = vc.path("credentialSubject");
        if (!PURPOSE.equals(subject.path("statusPurpose").textValue())) {
            throw new IllegalArgumentException("the status list's purpose is " + subject.path("statusPurpose") + ", not revocation");
        }
        Instant madeAt;
        try {
            madeAt = Instant.parse(vc.path("validFrom").asText());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("the status list's validFrom is not a date and time", e);
        }
        return new Published(decode(subject.path("encodedList").textValue()), madeAt, key);
    }

    /**
     * A status list as published, checked.
     *
     * @param list   the bits
     * @param madeAt when the issuer made it: revocations after that are not in it
     * @param signer the key that signed it
     */
    public record Published(StatusList list, Instant madeAt, BadgePublicKey signer) {
        public Published {
            Objects.requireNonNull(list, "list");
            Objects.requireNonNull(madeAt, "madeAt");
            Objects.requireNonNull(signer, "signer");
        }
    }

    /**
     * Checks a status list URL: absolute http or https, with a host and no fragment (a credential's
     * status entry is the URL, {@code #} and its index).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the status list URL is required");
        }
        try {
            URI u = new URI(url);
            if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                throw new IllegalArgumentException("the status list URL \"" + url + "\" must be an http or https address");
            }
            if (u.getRawFragment() != null) {
                throw new IllegalArgumentException("the status list URL \"" + url + "\" must not have a fragment (#...)");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the status list URL \"" + url + "\" is not a URL: " + e.getReason(), e);
        }
    }

    static boolean typeContains(JsonNode type, String wanted) {
        if (type == null) {
            return false;
        }
        if (type.isTextual()) {
            return wanted.equals(type.textValue());
        }
        for (JsonNode t : type) {
            if (wanted.equals(t.textValue())) {
                return true;
            }
        }
        return false;
    }
}
