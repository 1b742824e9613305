package org.qipathways.moodle.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits an array argument into batches so that no request has more form variables than the
 * site's {@code max_input_vars}, more bytes than the size limit, or more elements than the batch
 * size. PHP silently drops variables past {@code max_input_vars}, so staying inside it is the only
 * protection; the reply is checked as well.
 * <pre>{@code
 * List<Batches.Range> r = Batches.split("users", users, limits);   // [0,142) [142,284) [284,300)
 * }</pre>
 */
public final class Batches {

    /** Elements {@code [from, to)} of the array go in one request. */
    public record Range(int from, int to) {
        public int size() {
            return to - from;
        }
    }

    /**
     * What one request may hold once the variables outside the array are counted.
     *
     * @param vars form variables left for the array
     * @param bytes body bytes left for the array
     * @param elements elements per request
     */
    public record Limits(int vars, long bytes, int elements) {
    }

    private Batches() {
    }

    /**
     * Consecutive ranges covering {@code elements} in order, each within {@code limits}. An element
     * that cannot fit even alone is an {@link IllegalArgumentException} saying which limit it breaks.
     */
    public static List<Range> split(String arrayName, JsonNode elements, Limits limits) {
        List<Range> ranges = new ArrayList<>();
        int from = 0;
        int vars = 0;
        long bytes = 0;
        for (int i = 0; i < elements.size(); i++) {
            int position = i - from;
            Cost c = cost(arrayName, position, elements.get(i));
            boolean fits = position < limits.elements() && vars + c.vars() <= limits.vars()
                    && bytes + c.bytes() <= limits.bytes();
            if (!fits && position > 0) {
                ranges.add(new Range(from, i));
                from = i;
                vars = 0;
                bytes = 0;
                c = cost(arrayName, 0, elements.get(i));
            }
            if (c.vars() > limits.vars()) {
                throw new IllegalArgumentException("element " + i + " of " + arrayName + " needs " + c.vars()
                        + " form variables, more than the " + limits.vars()
                        + " that the site's max_input_vars leaves for it");
            }
            if (c.bytes() > limits.bytes()) {
                throw new IllegalArgumentException("element " + i + " of " + arrayName + " needs " + c.bytes()
                        + " bytes, more than the " + limits.bytes() + " the request size limit leaves for it");
            }
            vars += c.vars();
            bytes += c.bytes();
        }
        if (from < elements.size()) {
            ranges.add(new Range(from, elements.size()));
        }
        return ranges;
    }

    private record Cost(int vars, long bytes) {
    }

    private static Cost cost(String arrayName, int position, JsonNode element) {
        List<Form.Param> params = new ArrayList<>();
        Form.flatten(arrayName + "[" + position + "]", element, params);
        long bytes = 0;
        for (Form.Param p : params) {
            bytes += p.encodedLength() + 1;   // and its '&'
        }
        return new Cost(params.size(), bytes);
    }
}
