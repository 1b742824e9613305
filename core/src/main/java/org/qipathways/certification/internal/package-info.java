/**
 * Implementation of certification: not part of the public API, may change in any release.
 */
package org.qipathways.certification.internal;
