package org.qipathways.certification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.qipathways.certification.internal.CompactJws;
import org.qipathways.competency.internal.NameUuid;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Requirement;

/**
 * Exports certificates as 1EdTech Open Badges 3.0 {@code OpenBadgeCredential}s, W3C Verifiable
 * Credentials (data model 2.0) that wallets and badge platforms understand, secured as VC-JWT: a
 * compact JWS signed with ES256 (P-256) whose payload is the credential itself, as 1EdTech's
 * validator accepts it.
 *
 * <p>The issuer is a {@code Profile} whose id is the did:jwk of the signing {@link BadgeKey}; the JOSE
 * header's {@code kid} is that DID's {@code #0}, which any verifier resolves to the key without a
 * network. The achievement is the tier, with criteria written from the tier's rule; {@code validFrom}
 * and {@code validUntil} are the certificate's first and last days (00:00:00 and 23:59:59 UTC). The
 * learner's id is never in the credential: the subject's id, the credential's id and the salt of its
 * identity hash are keyed by the issuer's {@link LearnerSecret}. {@code credentialStatus} gives the
 * certificate's place in the register's {@link StatusList}, where a holder or an employer checks
 * revocation.
 * <pre>{@code
 * OpenBadges badges = OpenBadges.of(programme, new OpenBadges.Issuer("Regional Improvement Academy",
 *         "https://academy.example.nhs.uk"), badgeKey, learnerSecret);
 * int index = register.statusIndexes(List.of(certificate.id())).get(certificate.id());
 * String jwt = badges.jwt(certificate, new OpenBadges.Status(register.statusListUrl().orElseThrow(), index));
 * }</pre>
 */
public final class OpenBadges {

    /** The W3C Verifiable Credentials 2.0 context, first in {@code @context}. */
    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    /** The Open Badges 3.0 context, second in {@code @context}. */
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /**
     * 1EdTech's extensions context, third: it defines {@code 1EdTechJsonSchemaValidator2019}, the type of
     * {@code credentialSchema}, which JSON-LD validation (1EdTech's validator runs it) otherwise finds undefined.
     */
    public static final String OB_EXTENSIONS_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json";

    /** The Open Badges 3.0 JSON schema for achievement credentials. */
    public static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /** The namespace of the name-based UUIDs of achievements. Part of the format. */
    static final UUID NAMESPACE = UUID.fromString("0f6a8c2e-6d3b-5b7e-9a41-3c2d8e7f1b90");

    /**
     * Who issues: shown in wallets. The issuer's id is the signing key's did:jwk.
     *
     * @param name the organisation's name, e.g. "Regional Improvement Academy"
     * @param url  its web site (http or https), or {@code null}
     */
    public record Issuer(String name, String url) {
        public Issuer {
            Certificate.requireText(name, "issuer name");
            if (url != null) {
                try {
                    URI u = new URI(url);
                    if (!"https".equals(u.getScheme()) && !"http".equals(u.getScheme()) || u.getHost() == null) {
                        throw new IllegalArgumentException("issuer url \"" + url + "\" must be an http or https address");
                    }
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException("issuer url \"" + url + "\" is not a URL: " + e.getReason(), e);
                }
            }
        }
    }

    /**
     * Where a credential's revocation is published: a {@code BitstringStatusListEntry} for the bit at
     * {@code index} of the status list at {@code listUrl}.
     *
     * @param listUrl the status list's URL (the register's {@link CertificateRegister#statusListUrl()})
     * @param index   the certificate's place in it ({@link CertificateRegister#statusIndexes})
     */
    public record Status(String listUrl, int index) {
        public Status {
            StatusList.checkUrl(listUrl);
            if (index < 0) {
                throw new IllegalArgumentException("status list index " + index + " is negative");
            }
        }
    }

    private final Programme programme;
    private final Issuer issuer;
    private final BadgeKey key;
    private final LearnerSecret secret;
    /** Each tier's criteria in words, worked out once: the same in every credential of the tier. */
    private final Map<String, String> criteria;
    /** Achievement ids by programme code, version and tier, as credentials of them are written. */
    private final Map<String, String> achievementIds = new ConcurrentHashMap<>();

    private OpenBadges(Programme programme, Issuer issuer, BadgeKey key, LearnerSecret secret) {
        this.programme = Objects.requireNonNull(programme, "programme");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.key = Objects.requireNonNull(key, "key");
        this.secret = Objects.requireNonNull(secret, "secret");
        Evaluator evaluator = Evaluator.of(programme);
        Map<String, String> words = new HashMap<>();
        for (Tier t : programme.tiers()) {
            words.put(t.code(), criteria(evaluator, t));
        }
        this.criteria = Map.copyOf(words);
    }

    /** An exporter of {@code programme}'s certificates, signing with {@code key}. */
    public static OpenBadges of(Programme programme, Issuer issuer, BadgeKey key, LearnerSecret secret) {
        return new OpenBadges(programme, issuer, key, secret);
    }

    /**
     * The credential as JSON (the JWT's payload without its registered claims).
     *
     * @param status where its revocation is published; {@code null} for a credential without
     *               {@code credentialStatus}, which no holder can check for revocation
     * @throws IllegalArgumentException when the certificate is not of this programme
     */
    public ObjectNode credential(Certificate c, Status status) {
        if (!programme.code().equals(c.programmeCode())) {
            throw new IllegalArgumentException("certificate " + c.id() + " is for programme " + c.programmeCode()
                    + ", not " + programme.code());
        }
        Tier tier = programme.tier(c.tier()).orElseThrow(() -> new IllegalArgumentException(
                "certificate " + c.id() + " is for tier " + c.tier() + ", which programme " + programme.code() + " does not have"));
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode vc = f.objectNode();
        vc.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT).add(OB_EXTENSIONS_CONTEXT);
        vc.put("id", secret.credentialId(c.id()));
        vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        vc.put("name", programme.title() + ": " + tier.title());
        // Nothing here may name the learner or the certificate id, from which a learner id can be confirmed.
        vc.put("description", tier.title() + " certificate of " + programme.title()
                + " (" + programme.code() + " version " + c.programmeVersion() + ")");

        ObjectNode profile = vc.putObject("issuer");
        profile.put("id", key.publicKey().did());
        profile.putArray("type").add("Profile");
        profile.put("name", issuer.name());
        if (issuer.url() != null) {
            profile.put("url", issuer.url());
        }

        vc.put("validFrom", c.validFrom().atStartOfDay(ZoneOffset.UTC).toInstant().toString());
        if (c.validUntil() != null) {
            vc.put("validUntil", endOfDay(c.validUntil()));
        }
        vc.put("awardedDate", c.achievedOn().atStartOfDay(ZoneOffset.UTC).toInstant().toString());

        ObjectNode subject = vc.putObject("credentialSubject");
        subject.put("id", secret.subjectId(c.programmeCode(), c.learnerId()));
        subject.putArray("type").add("AchievementSubject");
        String salt = secret.salt(c.id());
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", LearnerSecret.identityHash(c.learnerId(), salt));
        identity.put("identityType", "systemId");
        identity.put("hashed", true);
        identity.put("salt", salt);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", achievementIds.computeIfAbsent(c.programmeCode() + ":" + c.programmeVersion() + ":" + c.tier(),
                name -> urn("achievement:" + name)));
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", tier.expires() ? "Certification" : "Certificate");
        achievement.put("name", tier.title());
        achievement.put("description", tier.description() != null && !tier.description().isBlank() ? tier.description()
                : "The " + tier.title() + " tier of " + programme.title() + ".");
        achievement.putObject("criteria").put("narrative", criteria.get(tier.code()));
        achievement.put("humanCode", c.tier());
        achievement.put("version", c.programmeVersion());

        ArrayNode evidence = vc.putArray("evidence");
        ObjectNode digest = evidence.addObject();
        digest.putArray("type").add("Evidence");
        digest.put("name", "Record digest");
        digest.put("description", "SHA-256 of the learner's record up to " + c.validFrom()
                + ", as QI Pathways' EvidenceDigest defines it: the issuer can show the record it was computed from.");
        digest.put("narrative", c.evidenceDigest());

        ObjectNode schema = vc.putArray("credentialSchema").addObject();
        schema.put("id", OB_SCHEMA);
        schema.put("type", "1EdTechJsonSchemaValidator2019");

        if (status != null) {
            ObjectNode entry = vc.putObject("credentialStatus");
            entry.put("id", status.listUrl() + "#" + status.index());
            entry.put("type", "BitstringStatusListEntry");
            entry.put("statusPurpose", StatusList.PURPOSE);
            // a string, as Bitstring Status List v1.0 writes it
            entry.put("statusListIndex", Integer.toString(status.index()));
            entry.put("statusListCredential", status.listUrl());
        }
        return vc;
    }

    /**
     * The credential as a VC-JWT: a compact JWS (header {@code alg} ES256, {@code typ} JWT, {@code kid}
     * and {@code jwk}) whose payload is the credential with the claims Open Badges 3.0 requires:
     * {@code iss} (issuer.id), {@code jti} (id), {@code sub} (credentialSubject.id), {@code nbf}
     * (validFrom) and, when it expires, {@code exp} (validUntil). The file is exactly this text.
     */
    public String jwt(Certificate c, Status status) {
        ObjectNode payload = credential(c, status);
        payload.put("iss", key.publicKey().did());
        payload.put("jti", payload.get("id").textValue());
        payload.put("sub", payload.get("credentialSubject").get("id").textValue());
        payload.put("nbf", c.validFrom().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        if (c.validUntil() != null) {
            payload.put("exp", c.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1);
        }
        return key.signJwt(payload);
    }

    /**
     * Whether a credential file's text is in the form this version writes: a compact JWS signed with
     * ES256 whose {@code kid} is a did:jwk. Files of earlier versions (EdDSA, did:key), which Open Badges
     * verifiers refuse, are not: {@code qip certify} replaces them.
     */
    public static boolean isCurrentFormat(String jws) {
        try {
            CompactJws parsed = CompactJws.parse(jws);
            return BadgeKey.ALGORITHM.equals(parsed.algorithm())
                    && parsed.header().path("kid").asText().startsWith(BadgePublicKey.DID_JWK);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * {@link #isCurrentFormat(String)}, quickly for the credentials this exporter writes: a compact
     * JWS whose JOSE header is exactly the one this key writes (ES256, its did:jwk) is current without
     * decoding it; anything else is checked in full.
     */
    public boolean isCurrent(String jws) {
        String header = key.headerSegment();
        if (jws.length() > header.length() + 1 && jws.startsWith(header) && jws.charAt(header.length()) == '.') {
            // then payload and signature: base64url, neither empty, one dot between them
            int dots = 0;
            boolean empty = true;
            for (int i = header.length() + 1; i < jws.length(); i++) {
                char ch = jws.charAt(i);
                if (ch == '.') {
                    if (empty || ++dots > 1) {
                        return isCurrentFormat(jws);
                    }
                    empty = true;
                } else if (ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_') {
                    empty = false;
                } else {
                    return isCurrentFormat(jws);
                }
            }
            if (dots == 1 && !empty) {
                return true;
            }
        }
        return isCurrentFormat(jws);
    }

    /**
     * What achieves the tier, in words, from its rule (and its validity and renewal rule), as Markdown.
     */
    public static String criteria(Programme programme, Tier tier) {
        return criteria(Evaluator.of(programme), tier);
    }

    private static String criteria(Evaluator evaluator, Tier tier) {
        // The evaluator words every node of a rule; an empty record gives the words without any progress.
        TierProgress words = evaluator.evaluate(new LearnerRecord("criteria", List.of()),
                LocalDate.of(2000, 1, 1)).tier(tier.code());
        RequirementResult rule = words.rule();
        StringBuilder sb = new StringBuilder();
        sb.append(tier.title()).append(" is achieved on the first day on which ");
        describe(rule, 0, sb);
        if (tier.expires()) {
            sb.append("\nIt is valid for ").append(words(tier.validity())).append(" from achievement.");
            if (tier.renewal() != null) {
                RequirementResult renewal = words.renewal();
                sb.append(" It is renewed for another ").append(words(tier.validity()))
                        .append(" on the first day, in the ").append(words(tier.renewal().window()))
                        .append(" up to its expiry, on which ");
                describe(renewal, 0, sb);
                sb.append("After a lapse it is regained, for ").append(words(tier.validity()))
                        .append(", on the first later day on which that holds.");
            } else {
                sb.append(" It is not renewable.");
            }
        }
        return sb.toString().strip();
    }

    /** A node as Markdown: a leaf in its words; a group as its label (if any), how many it needs, then a list. */
    private static void describe(RequirementResult r, int depth, StringBuilder sb) {
        Requirement req = r.requirement();
        if (r.children().isEmpty()) {
            sb.append(r.description());
            if (req instanceof Requirement.EventCount c && c.label() != null) {
                // a label names a count; say how many it takes
                sb.append(": at least ").append(c.atLeast()).append(c.distinctDates() ? ", on different days" : "");
            }
            sb.append('\n');
            return;
        }
        if (req.label() != null && !req.label().isBlank()) {
            sb.append(req.label()).append(", that is ");
        }
        if (req instanceof Requirement.AnyOf) {
            sb.append("any one of these:\n");
        } else if (req instanceof Requirement.AtLeastOf a) {
            sb.append("at least ").append(a.atLeast()).append(" of these:\n");
        } else {
            sb.append("all of these:\n");
        }
        for (RequirementResult child : r.children()) {
            sb.append("  ".repeat(depth)).append("- ");
            describe(child, depth + 1, sb);
        }
    }

    private static String words(java.time.Period p) {
        if (p.getYears() > 0 && p.getMonths() == 0 && p.getDays() == 0) {
            return p.getYears() == 1 ? "1 year" : p.getYears() + " years";
        }
        if (p.getYears() == 0 && p.getMonths() > 0 && p.getDays() == 0) {
            return p.getMonths() == 1 ? "1 month" : p.getMonths() + " months";
        }
        if (p.getYears() == 0 && p.getMonths() == 0) {
            return p.getDays() == 1 ? "1 day" : p.getDays() + " days";
        }
        return p.toString();
    }

    private static String endOfDay(LocalDate d) {
        return d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1).toString();
    }

    private static String urn(String name) {
        return "urn:uuid:" + NameUuid.v5(NAMESPACE, name);
    }
}
