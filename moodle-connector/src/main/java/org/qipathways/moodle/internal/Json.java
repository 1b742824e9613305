package org.qipathways.moodle.internal;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The one JSON mapper of the client: absent values are not sent, unknown reply fields are ignored. */
public final class Json {

    /**
     * Null request fields are left out (Moodle cannot receive null through form encoding: an
     * optional key is simply omitted). Replies are read leniently: Moodle adds fields between
     * releases, and an empty PHP array serializes as {@code []} where an object is expected.
     */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_EMPTY_ARRAY_AS_NULL_OBJECT)
            .build();

    private Json() {
    }
}
