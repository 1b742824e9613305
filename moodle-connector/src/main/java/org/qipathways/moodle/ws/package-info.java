/**
 * What the connector sends to and receives from Moodle's web-service functions, as records. Record
 * components are named as Moodle names the fields ({@code firstname}, {@code idnumber},
 * {@code categoryid}), so a record reads like the function's documentation in ws-reference.md.
 * Request fields left null are not sent (Moodle then applies its default); reply fields Moodle
 * only sends sometimes are null when absent.
 */
package org.qipathways.moodle.ws;
