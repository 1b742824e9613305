package org.qipathways.platform;

/**
 * Makes {@link LearningPlatform}s of one kind; the entry point a connector registers in
 * {@code META-INF/services/org.qipathways.platform.LearningPlatformProvider} so that
 * {@link Platforms#discover()} finds it on the class path.
 * <pre>{@code
 * public final class MoodlePlatformProvider implements LearningPlatformProvider {
 *     public String name() { return "moodle"; }
 *     public String description() { return "Moodle through its REST web services"; }
 *     public LearningPlatform open(PlatformSettings settings) { ... }
 * }
 * }</pre>
 * Implementations need a public no-argument constructor.
 */
public interface LearningPlatformProvider {

    /** The short lower-case name applications ask for, e.g. {@code moodle}; unique on a class path. */
    String name();

    /** One line for people: what platform this is and how it is reached. */
    String description();

    /**
     * A platform at {@code settings.site()}; throws {@link IllegalArgumentException} naming the
     * setting when the settings cannot work (a missing credential, an unknown option).
     */
    LearningPlatform open(PlatformSettings settings);
}
