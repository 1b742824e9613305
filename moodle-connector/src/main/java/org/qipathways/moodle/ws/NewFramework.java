package org.qipathways.moodle.ws;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A competency framework for {@code core_competency_create_competency_framework}. The scale must
 * exist on the site (its id cannot be looked up through web services) and
 * {@code scaleconfiguration} is Moodle's JSON: the scale id first, then which items are the
 * default and which are proficient.
 * <pre>{@code
 * NewFramework.of("QI skills", "QIP-BSG-FW", 2,
 *         "[{\"scaleid\":\"2\"},{\"id\":1,\"scaledefault\":0,\"proficient\":0},{\"id\":2,\"scaledefault\":1,\"proficient\":1}]",
 *         ContextRef.system());
 * }</pre>
 */
public record NewFramework(String shortname, String idnumber, String description, Boolean visible, long scaleid,
        String scaleconfiguration, String taxonomies, @JsonUnwrapped ContextRef context) {

    public NewFramework {
        Objects.requireNonNull(shortname, "shortname");
        Objects.requireNonNull(idnumber, "idnumber");
        Objects.requireNonNull(scaleconfiguration, "scaleconfiguration");
        Objects.requireNonNull(context, "context");
    }

    public static NewFramework of(String shortname, String idnumber, long scaleid, String scaleconfiguration,
            ContextRef context) {
        return new NewFramework(shortname, idnumber, null, null, scaleid, scaleconfiguration, null, context);
    }

    public NewFramework withDescription(String v) {
        return new NewFramework(shortname, idnumber, v, visible, scaleid, scaleconfiguration, taxonomies, context);
    }

    /** Comma-separated terms per level, e.g. {@code domain,competency}. */
    public NewFramework withTaxonomies(String v) {
        return new NewFramework(shortname, idnumber, description, visible, scaleid, scaleconfiguration, v, context);
    }
}
