package org.qipathways.certification;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.qipathways.competency.internal.NameUuid;
import org.qipathways.certification.internal.CanonicalJson;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.progress.Evaluator;
import org.qipathways.progress.RequirementResult;
import org.qipathways.progress.TierProgress;
import org.qipathways.record.LearnerRecord;
import org.qipathways.rules.Requirement;

/**
 * Exports a certificate as a 1EdTech Open Badges 3.0 {@code OpenBadgeCredential}, a W3C Verifiable
 * Credential (data model 2.0) that wallets and badge platforms understand, secured as a VC-JWT: a
 * compact JWS signed with EdDSA (Ed25519) whose payload is the credential itself.
 *
 * <p>The issuer is a {@code Profile} whose id is the {@code did:key} of the signing key, so the
 * credential names the key that can check it; the JOSE header carries that key as a JWK. The
 * achievement is the tier, with criteria written from the tier's rule; {@code validFrom} and
 * {@code validUntil} are the certificate's first and last days (00:00:00 and 23:59:59 UTC); the
 * subject is the learner, by their pseudonymous id. Revocation is not published as a status list:
 * check it with {@code qip verify} against the register.
 * <pre>{@code
 * OpenBadges.Issuer issuer = new OpenBadges.Issuer("Regional Improvement Academy", "https://academy.example.nhs.uk");
 * String jwt = OpenBadges.jwt(certificate, programme, issuer, issuerKey);
 * ObjectNode credential = OpenBadges.credential(certificate, programme, issuer, issuerKey.publicKey());
 * }</pre>
 */
public final class OpenBadges {

    /** The W3C Verifiable Credentials 2.0 context, first in {@code @context}. */
    public static final String VC_CONTEXT = "https://www.w3.org/ns/credentials/v2";

    /** The Open Badges 3.0 context, second in {@code @context}. */
    public static final String OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /** The Open Badges 3.0 JSON schema for achievement credentials. */
    public static final String OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json";

    /** The namespace of the name-based UUIDs of credentials, achievements and subjects. Part of the format. */
    static final UUID NAMESPACE = UUID.fromString("0f6a8c2e-6d3b-5b7e-9a41-3c2d8e7f1b90");

    /**
     * Who issues: shown in wallets. The issuer's id is the signing key's did:key.
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

    private OpenBadges() {
    }

    /**
     * The credential as JSON (the JWT's payload without its registered claims).
     *
     * @throws IllegalArgumentException when the certificate is not of this programme
     */
    public static ObjectNode credential(Certificate c, Programme programme, Issuer issuer, IssuerPublicKey key) {
        Objects.requireNonNull(issuer, "issuer");
        if (!programme.code().equals(c.programmeCode())) {
            throw new IllegalArgumentException("certificate " + c.id() + " is for programme " + c.programmeCode()
                    + ", not " + programme.code());
        }
        Tier tier = programme.tier(c.tier()).orElseThrow(() -> new IllegalArgumentException(
                "certificate " + c.id() + " is for tier " + c.tier() + ", which programme " + programme.code() + " does not have"));
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode vc = f.objectNode();
        vc.putArray("@context").add(VC_CONTEXT).add(OB_CONTEXT);
        vc.put("id", urn("credential:" + c.id()));
        vc.putArray("type").add("VerifiableCredential").add("OpenBadgeCredential");
        vc.put("name", programme.title() + ": " + tier.title());
        vc.put("description", tier.title() + " certificate " + c.id() + " of " + programme.title()
                + " (" + programme.code() + " version " + c.programmeVersion() + ")");

        ObjectNode profile = vc.putObject("issuer");
        profile.put("id", key.didKey());
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
        subject.put("id", urn("learner:" + c.programmeCode() + ":" + c.learnerId()));
        subject.putArray("type").add("AchievementSubject");
        ObjectNode identity = subject.putArray("identifier").addObject();
        identity.put("type", "IdentityObject");
        identity.put("identityHash", c.learnerId());
        identity.put("identityType", "systemId");
        identity.put("hashed", false);
        ObjectNode achievement = subject.putObject("achievement");
        achievement.put("id", urn("achievement:" + c.programmeCode() + ":" + c.programmeVersion() + ":" + c.tier()));
        achievement.putArray("type").add("Achievement");
        achievement.put("achievementType", tier.expires() ? "Certification" : "Certificate");
        achievement.put("name", tier.title());
        achievement.put("description", tier.description() != null && !tier.description().isBlank() ? tier.description()
                : "The " + tier.title() + " tier of " + programme.title() + ".");
        achievement.putObject("criteria").put("narrative", criteria(programme, tier));
        achievement.put("humanCode", c.tier());
        achievement.put("version", c.programmeVersion());

        ArrayNode evidence = vc.putArray("evidence");
        ObjectNode digest = evidence.addObject();
        digest.putArray("type").add("Evidence");
        digest.put("name", "Record digest");
        digest.put("description", "SHA-256 of the learner's record up to " + c.validFrom()
                + ", as QI Pathways' EvidenceDigest defines it; the issuer's register holds certificate " + c.id() + ".");
        digest.put("narrative", c.evidenceDigest());

        ObjectNode schema = vc.putArray("credentialSchema").addObject();
        schema.put("id", OB_SCHEMA);
        schema.put("type", "1EdTechJsonSchemaValidator2019");
        return vc;
    }

    /**
     * The credential as a VC-JWT: a compact JWS (header {@code alg: EdDSA}, {@code typ: JWT}, {@code kid}
     * and {@code jwk}) whose payload is the credential with the claims {@code iss}, {@code jti},
     * {@code sub}, {@code nbf} and, when it expires, {@code exp}.
     */
    public static String jwt(Certificate c, Programme programme, Issuer issuer, IssuerKey key) {
        IssuerPublicKey pub = key.publicKey();
        ObjectNode payload = credential(c, programme, issuer, pub);
        payload.put("iss", pub.didKey());
        payload.put("jti", payload.get("id").textValue());
        payload.put("sub", payload.get("credentialSubject").get("id").textValue());
        payload.put("nbf", c.validFrom().atStartOfDay(ZoneOffset.UTC).toEpochSecond());
        if (c.validUntil() != null) {
            payload.put("exp", c.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() - 1);
        }
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("alg", "EdDSA");
        header.put("typ", "JWT");
        String did = pub.didKey();
        header.put("kid", did + "#" + did.substring("did:key:".length()));
        ObjectNode jwk = header.putObject("jwk");
        jwk.put("kty", "OKP");
        jwk.put("crv", "Ed25519");
        jwk.put("x", base64url(pub.raw()));
        String input = base64url(CanonicalJson.compact(header).getBytes(StandardCharsets.UTF_8)) + "."
                + base64url(CanonicalJson.compact(payload).getBytes(StandardCharsets.UTF_8));
        return input + "." + base64url(key.sign(input.getBytes(StandardCharsets.US_ASCII)));
    }

    /**
     * What achieves the tier, in words, from its rule (and its validity and renewal rule), as Markdown.
     */
    public static String criteria(Programme programme, Tier tier) {
        // The evaluator words every node of a rule; an empty record gives the words without any progress.
        TierProgress words = Evaluator.of(programme).evaluate(new LearnerRecord("criteria", List.of()),
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

    private static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
