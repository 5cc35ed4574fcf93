package org.strata.ejb.hsm;

/**
 * The name this node owns storage jobs under: the setting {@code strata.node} (system property)
 * when given, else WildFly's node name and its server directory, so that two servers on one host
 * (each with its own data directory) are two nodes and one server restarted is the same node.
 */
final class HsmNode {

    private static final String NAME = name();

    private HsmNode() {
    }

    static String current() {
        return NAME;
    }

    private static String name() {
        String explicit = System.getProperty("strata.node");
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        String node = System.getProperty("jboss.node.name", "strata");
        String dir = System.getProperty("jboss.server.base.dir");
        String name = dir == null ? node : node + ":" + dir;
        return name.length() <= 128 ? name : name.substring(name.length() - 128);
    }
}
