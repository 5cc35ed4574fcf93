package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ConnectionEvent;
import jakarta.resource.spi.ConnectionEventListener;
import jakarta.resource.spi.ConnectionManager;
import jakarta.resource.spi.ConnectionRequestInfo;
import jakarta.resource.spi.ManagedConnection;
import jakarta.resource.spi.ManagedConnectionFactory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * A connection manager pooling as IronJacamar does with pool-by-CRI: one free list per request
 * info; a free connection is offered to matchManagedConnections alone and destroyed when it does
 * not match; an error event destroys, a close event returns it (after cleanup).
 */
final class TestPool implements ConnectionManager {

    private final Map<ConnectionRequestInfo, Deque<ManagedConnection>> free = new HashMap<>();
    int created;
    int destroyed;

    @Override
    public synchronized Object allocateConnection(ManagedConnectionFactory mcf, ConnectionRequestInfo cri)
            throws ResourceException {
        Deque<ManagedConnection> list = free.computeIfAbsent(cri, k -> new ArrayDeque<>());
        ManagedConnection mc;
        while ((mc = list.pollFirst()) != null) {
            if (mcf.matchManagedConnections(Set.of(mc), null, cri) != null) {
                return mc.getConnection(null, cri);
            }
            destroy(mc);
        }
        mc = mcf.createManagedConnection(null, cri);
        created++;
        ManagedConnection created = mc;
        mc.addConnectionEventListener(new ConnectionEventListener() {
            @Override
            public void connectionClosed(ConnectionEvent event) {
                giveBack(cri, created);
            }

            @Override
            public void connectionErrorOccurred(ConnectionEvent event) {
                destroy(created);
            }

            @Override
            public void localTransactionStarted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionCommitted(ConnectionEvent event) {
            }

            @Override
            public void localTransactionRolledback(ConnectionEvent event) {
            }
        });
        return mc.getConnection(null, cri);
    }

    private synchronized void giveBack(ConnectionRequestInfo cri, ManagedConnection mc) {
        try {
            mc.cleanup();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
        free.get(cri).addFirst(mc);
    }

    synchronized void destroy(ManagedConnection mc) {
        free.values().forEach(l -> l.remove(mc));
        destroyed++;
        try {
            mc.destroy();
        } catch (ResourceException e) {
            throw new IllegalStateException(e);
        }
    }

    synchronized int idle() {
        return free.values().stream().mapToInt(Deque::size).sum();
    }

    synchronized void destroyAll() {
        free.values().forEach(l -> l.forEach(mc -> {
            try {
                mc.destroy();
            } catch (ResourceException e) {
                throw new IllegalStateException(e);
            }
        }));
        free.clear();
    }
}
