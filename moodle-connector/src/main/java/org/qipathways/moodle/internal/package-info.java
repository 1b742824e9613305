/**
 * How the Moodle client works inside: form encoding, batching, the HTTP transport with its retries,
 * limits and redacting log, and reading Moodle's replies. Not an API: anything here may change.
 */
package org.qipathways.moodle.internal;
