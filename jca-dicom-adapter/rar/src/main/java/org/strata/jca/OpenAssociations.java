package org.strata.jca;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.strata.dicom.net.dimse.DimseChannel;

/**
 * The associations peers opened that a later request may be sent back on (PS3.4 J.3.3: the
 * N-EVENT-REPORT of a storage commitment goes on the requester's association while it is open).
 * A reply handle names the adapter instance, the association and the request
 * ({@code "<instance>-<n>/<messageId>"}), so handles persisted before a restart never resolve; an
 * association leaves the table when it closes.
 */
final class OpenAssociations {

    private final Map<String, DimseChannel> channels = new ConcurrentHashMap<>();
    private final Map<DimseChannel, String> keys = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    /** Distinguishes this adapter instance's handles from those persisted before a restart. */
    private final String instance = Long.toString(new java.security.SecureRandom().nextLong() & Long.MAX_VALUE, 36);

    /** A reply handle of the request {@code messageId} on {@code channel}. */
    String handle(DimseChannel channel, int messageId) {
        String key = keys.computeIfAbsent(channel, c -> {
            String k = instance + "-" + sequence.incrementAndGet();
            channels.put(k, c);
            c.association().closeFuture().whenComplete((v, e) -> {
                channels.remove(k);
                keys.remove(c);
            });
            return k;
        });
        return key + "/" + messageId;
    }

    /** The channel of an open association named by a handle, if it is still established. */
    Optional<Reply> find(String handle) {
        int slash = handle == null ? -1 : handle.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        DimseChannel channel = channels.get(handle.substring(0, slash));
        if (channel == null || !channel.association().established()) {
            return Optional.empty();
        }
        return Optional.of(new Reply(channel, Integer.parseInt(handle.substring(slash + 1))));
    }

    int size() {
        return channels.size();
    }

    /** An association to reply on and the request whose response must go out first. */
    record Reply(DimseChannel channel, int messageId) {
    }
}
