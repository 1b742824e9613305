package org.qipathways.competency.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs (RFC 9562 version 5, SHA-1), so that exporting the same framework twice gives
 * the same CASE identifiers and a CASE server sees an update rather than a new framework.
 */
public final class NameUuid {

    /**
     * The namespace every QI Pathways CASE identifier is derived in. Part of the exchange format:
     * changing it would give every exported framework new identifiers.
     */
    public static final UUID CASE_NAMESPACE = UUID.fromString("aab7e73a-2b6e-4c87-bc63-a1f236628f49");

    private NameUuid() {
    }

    /** The version 5 UUID of {@code name} in {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform must provide SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
