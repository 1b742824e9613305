package org.qipathways.platform;

import java.net.URL;
import java.security.CodeSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning-platform connectors an application can use, by name: given explicitly with
 * {@link #of}, or found on the class path with {@link #discover()}.
 * <pre>{@code
 * Platforms platforms = Platforms.discover();   // logs: learning platform 'moodle' (...) from .../qipathways-moodle-connector.jar
 * try (LearningPlatform moodle = platforms.open("moodle", settings)) {
 *     moodle.check();
 * }
 * }</pre>
 * Explicit registration ({@code Platforms.of(new MoodlePlatformProvider())}) is the default in
 * code that knows its connector; discovery is the convenience for tools such as {@code qip}.
 */
public final class Platforms {

    private static final Logger LOG = LoggerFactory.getLogger(Platforms.class);

    private final Map<String, LearningPlatformProvider> byName;

    private Platforms(Map<String, LearningPlatformProvider> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    /** Exactly these providers; two with the same name are an error. */
    public static Platforms of(LearningPlatformProvider... providers) {
        Map<String, LearningPlatformProvider> byName = new LinkedHashMap<>();
        for (LearningPlatformProvider p : providers) {
            add(byName, Objects.requireNonNull(p, "provider"));
        }
        return new Platforms(byName);
    }

    /**
     * The providers registered in {@code META-INF/services} on the class path of the thread's
     * context class loader (or this class's loader); each one found is logged with the jar it
     * came from.
     */
    public static Platforms discover() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return discover(loader != null ? loader : Platforms.class.getClassLoader());
    }

    /** The providers registered in {@code META-INF/services} as seen by {@code loader}. */
    public static Platforms discover(ClassLoader loader) {
        Map<String, LearningPlatformProvider> byName = new LinkedHashMap<>();
        try {
            for (LearningPlatformProvider p : ServiceLoader.load(LearningPlatformProvider.class, loader)) {
                add(byName, p);
                LOG.info("learning platform '{}' ({}) from {}", p.name(), p.getClass().getName(), origin(p.getClass()));
            }
        } catch (ServiceConfigurationError e) {
            // A broken registration names its jar and class in the message; other connectors stay usable
            // only if we stop here, so say exactly what failed.
            throw new IllegalStateException("a learning-platform connector on the class path cannot be loaded: "
                    + e.getMessage(), e);
        }
        if (byName.isEmpty()) {
            LOG.info("no learning-platform connector on the class path");
        }
        return new Platforms(byName);
    }

    /** The providers, in the order they were given or found. */
    public List<LearningPlatformProvider> providers() {
        return List.copyOf(byName.values());
    }

    /** The provider called {@code name}, if there is one. */
    public Optional<LearningPlatformProvider> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * Opens the platform called {@code name} with {@code settings}; an unknown name is an
     * {@link IllegalArgumentException} that lists the names there are.
     */
    public LearningPlatform open(String name, PlatformSettings settings) {
        LearningPlatformProvider p = find(name).orElseThrow(() -> new IllegalArgumentException(
                "no learning-platform connector called '" + name + "'; "
                        + (byName.isEmpty() ? "none is on the class path"
                                : "there are: " + String.join(", ", byName.keySet()))));
        return p.open(settings);
    }

    @Override
    public String toString() {
        return byName.values().stream().map(p -> p.name() + " (" + p.getClass().getName() + ")")
                .collect(Collectors.joining(", ", "Platforms[", "]"));
    }

    private static void add(Map<String, LearningPlatformProvider> byName, LearningPlatformProvider p) {
        LearningPlatformProvider before = byName.putIfAbsent(p.name(), p);
        if (before != null) {
            throw new IllegalStateException("two learning-platform connectors are called '" + p.name() + "': "
                    + before.getClass().getName() + " from " + origin(before.getClass()) + " and "
                    + p.getClass().getName() + " from " + origin(p.getClass()));
        }
    }

    /** Where a class was loaded from (its jar or directory), for messages. */
    static String origin(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        URL location = source == null ? null : source.getLocation();
        return location == null ? "(unknown location)" : location.toString();
    }
}
