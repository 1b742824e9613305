package org.qipathways.moodle.ws;

/**
 * One item of a scale: {@code id} is its 1-based position, the number ratings use.
 * <pre>{@code
 * client.getScaleValues(2);   // [ScaleValue[id=1, name=Not yet competent], ScaleValue[id=2, name=Competent]]
 * }</pre>
 */
public record ScaleValue(int id, String name) {
}
