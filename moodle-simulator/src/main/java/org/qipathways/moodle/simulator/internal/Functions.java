package org.qipathways.moodle.simulator.internal;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The web-service functions the simulator knows: each with its parameter description (from
 * ws-reference.md, which was read from Moodle's source) and its handler.
 * <pre>{@code
 * Functions.all().get("core_user_create_users").params();   // the users[] structure
 * }</pre>
 */
public final class Functions {

    /** What a handler does with validated parameters; returns the value to encode, or null. */
    @FunctionalInterface
    public interface Handler {
        Object handle(Call call);
    }

    /** One function: its name, its parameters and what it does. */
    public record Function(String name, Desc.Single params, Handler handler) {
    }

    /** Runs an inner call of a bundle and returns its {@code responses} entry. */
    @FunctionalInterface
    public interface Inner {
        Map<String, Object> call(String function, String jsonArguments);
    }

    /** A call being handled: the site, the validated parameters, and a way to run inner calls. */
    public static final class Call {
        public final Site site;
        public final Map<String, Object> params;
        public final Inner inner;

        public Call(Site site, Map<String, Object> params, Inner inner) {
            this.site = site;
            this.params = params;
            this.inner = inner;
        }

        public long num(String name) {
            return ((Number) params.get(name)).longValue();
        }

        public String str(String name) {
            Object v = params.get(name);
            return v == null ? null : v.toString();
        }

        public boolean flag(String name) {
            return Boolean.TRUE.equals(params.get(name));
        }

        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> list(String name) {
            return (List<Map<String, Object>>) params.get(name);
        }

        @SuppressWarnings("unchecked")
        public Map<String, Object> map(String name) {
            return (Map<String, Object>) params.get(name);
        }
    }

    private static final Map<String, Function> ALL = build();

    private Functions() {
    }

    /** Every function, by name. */
    public static Map<String, Function> all() {
        return ALL;
    }

    private static Map<String, Function> build() {
        Map<String, Function> m = new TreeMap<>();
        Registry r = (name, params, handler) -> m.put(name, new Function(name, params, handler));
        SiteFunctions.register(r);
        UserFunctions.register(r);
        CourseFunctions.register(r);
        CohortFunctions.register(r);
        EnrolFunctions.register(r);
        CompetencyFunctions.register(r);
        CourseCompetencyFunctions.register(r);
        PlanFunctions.register(r);
        ProgressFunctions.register(r);
        return Collections.unmodifiableMap(m);
    }

    /** Where each area's class adds its functions. */
    @FunctionalInterface
    interface Registry {
        void add(String name, Desc.Single params, Handler handler);
    }

    // ---- helpers for handlers --------------------------------------------------------------------

    /** An ordered map from alternating keys and values, for replies. */
    static Map<String, Object> obj(Object... keysAndValues) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    /** A value from a parameter structure, as text; null when absent. */
    static String text(Map<String, Object> m, String key) {
        Object v = m.get(key);
        return v == null ? null : v.toString();
    }

    /** A number from a parameter structure; {@code otherwise} when absent. */
    static long num(Map<String, Object> m, String key, long otherwise) {
        Object v = m.get(key);
        return v == null ? otherwise : v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).longValue();
    }
}
