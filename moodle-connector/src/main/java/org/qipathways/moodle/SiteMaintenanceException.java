package org.qipathways.moodle;

/**
 * The site is in maintenance mode (errorcode {@code sitemaintenance}); try again later.
 * <pre>{@code
 * e.errorcode();   // "sitemaintenance"
 * }</pre>
 */
public class SiteMaintenanceException extends MoodleErrorException {
    private static final long serialVersionUID = 1L;

    SiteMaintenanceException(Reply reply, String hint) {
        super(reply, hint);
    }
}
