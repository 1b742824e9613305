package org.qipathways.moodle.ws;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Objects;

/**
 * A learning-plan template for {@code core_competency_create_template}. Templates have no idnumber
 * and their shortname need not be unique: keep the returned id.
 * <pre>{@code
 * NewTemplate.of("Bronze", ContextRef.system());
 * }</pre>
 */
public record NewTemplate(String shortname, String description, Long duedate, Boolean visible,
        @JsonUnwrapped ContextRef context) {

    public NewTemplate {
        Objects.requireNonNull(shortname, "shortname");
        Objects.requireNonNull(context, "context");
    }

    public static NewTemplate of(String shortname, ContextRef context) {
        return new NewTemplate(shortname, null, null, null, context);
    }
}
