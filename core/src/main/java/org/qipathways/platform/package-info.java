/**
 * The service-provider interface a learning-platform connector implements: push a programme, pull
 * learner events, publish outcomes, and check a site. Applications find connectors with
 * {@link org.qipathways.platform.Platforms}; the Moodle connector is one such plugin.
 */
package org.qipathways.platform;
