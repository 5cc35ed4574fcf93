package org.strata.dicom.net.config;

/** A remote AE to connect to: {@code AET@HOST:PORT}. */
public record RemoteAe(String aeTitle, String host, int port) {

    /** Parses {@code AET@HOST:PORT}. */
    public static RemoteAe parse(String s) {
        int at = s.indexOf('@');
        int colon = s.lastIndexOf(':');
        if (at < 1 || colon < at) {
            throw new IllegalArgumentException("expected AET@HOST:PORT, got " + s);
        }
        return new RemoteAe(s.substring(0, at), s.substring(at + 1, colon), Integer.parseInt(s.substring(colon + 1)));
    }

    @Override
    public String toString() {
        return aeTitle + "@" + host + ":" + port;
    }
}
