package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.strata.dicom.net.config.ClientAuth;
import org.strata.dicom.net.config.TlsConfig;

/**
 * Activation of one DICOM listener for a message endpoint: a JavaBean whose properties are the
 * names in {@link org.strata.jca.api.DicomActivationProperties}.
 */
public class DicomActivationSpec implements ActivationSpec {

    private ResourceAdapter resourceAdapter;
    private String aeTitle = "STRATA";
    private Integer port = 11112;
    private String bindAddress = "0.0.0.0";
    private Boolean tls = Boolean.FALSE;
    private String acceptedCallingAeTitles = "";
    private Integer maxAssociations = 64;
    private Integer tlsPort = 2762;
    private String tlsKeyStore = "";
    private String tlsKeyStorePassword = "";
    private String tlsTrustStore = "";
    private String tlsTrustStorePassword = "";
    private String tlsClientAuth = ClientAuth.NEED.name();

    @Override
    public void validate() throws InvalidPropertyException {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16 || aeTitle.contains("\\")) {
            throw new InvalidPropertyException("aeTitle must be 1-16 characters without backslash: '" + aeTitle + "'");
        }
        if (port == null || port < -1 || port > 65535) {
            throw new InvalidPropertyException("port must be in 0..65535, or -1 for no plain listener: " + port);
        }
        if (port == -1 && !tlsEnabled()) {
            throw new InvalidPropertyException("port -1 without tls leaves no listener");
        }
        if (tlsEnabled()) {
            validateTls();
        }
        if (maxAssociations == null || maxAssociations < 1) {
            throw new InvalidPropertyException("maxAssociations must be at least 1: " + maxAssociations);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidPropertyException("bindAddress is empty");
        }
    }

    private void validateTls() throws InvalidPropertyException {
        if (tlsPort == null || tlsPort < 0 || tlsPort > 65535) {
            throw new InvalidPropertyException("tlsPort must be in 0..65535: " + tlsPort);
        }
        if (isBlank(tlsKeyStore) || isBlank(tlsTrustStore)) {
            throw new InvalidPropertyException("tls needs tlsKeyStore and tlsTrustStore (PKCS#12 files)");
        }
        try {
            clientAuth();
        } catch (IllegalArgumentException e) {
            throw new InvalidPropertyException("tlsClientAuth must be NEED, WANT or NONE: " + tlsClientAuth);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    boolean tlsEnabled() {
        return Boolean.TRUE.equals(tls);
    }

    ClientAuth clientAuth() {
        return ClientAuth.valueOf(tlsClientAuth.strip().toUpperCase(java.util.Locale.ROOT));
    }

    /** The TLS settings of the TLS listener (PS3.15 B.9: TLS 1.2/1.3), or null without TLS. */
    TlsConfig tlsConfig() {
        if (!tlsEnabled()) {
            return null;
        }
        return TlsConfig.of(Path.of(tlsKeyStore.strip()), tlsKeyStorePassword, Path.of(tlsTrustStore.strip()),
                tlsTrustStorePassword).withClientAuth(clientAuth());
    }

    /** The accepted calling AE titles as a set; empty accepts every caller. */
    public Set<String> acceptedCallingAeTitleSet() {
        return Arrays.stream(acceptedCallingAeTitles == null ? new String[0] : acceptedCallingAeTitles.split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public ResourceAdapter getResourceAdapter() {
        return resourceAdapter;
    }

    @Override
    public void setResourceAdapter(ResourceAdapter resourceAdapter) throws ResourceException {
        this.resourceAdapter = resourceAdapter;
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle == null ? null : aeTitle.strip();
    }

    public Integer getPort() {
        return port;
    }

    public void setPort(Integer port) {
        this.port = port;
    }

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    public Boolean getTls() {
        return tls;
    }

    public void setTls(Boolean tls) {
        this.tls = tls;
    }

    public String getAcceptedCallingAeTitles() {
        return acceptedCallingAeTitles;
    }

    public void setAcceptedCallingAeTitles(String acceptedCallingAeTitles) {
        this.acceptedCallingAeTitles = acceptedCallingAeTitles;
    }

    public Integer getMaxAssociations() {
        return maxAssociations;
    }

    public void setMaxAssociations(Integer maxAssociations) {
        this.maxAssociations = maxAssociations;
    }

    public Integer getTlsPort() {
        return tlsPort;
    }

    public void setTlsPort(Integer tlsPort) {
        this.tlsPort = tlsPort;
    }

    public String getTlsKeyStore() {
        return tlsKeyStore;
    }

    public void setTlsKeyStore(String tlsKeyStore) {
        this.tlsKeyStore = tlsKeyStore;
    }

    public String getTlsKeyStorePassword() {
        return tlsKeyStorePassword;
    }

    public void setTlsKeyStorePassword(String tlsKeyStorePassword) {
        this.tlsKeyStorePassword = tlsKeyStorePassword;
    }

    public String getTlsTrustStore() {
        return tlsTrustStore;
    }

    public void setTlsTrustStore(String tlsTrustStore) {
        this.tlsTrustStore = tlsTrustStore;
    }

    public String getTlsTrustStorePassword() {
        return tlsTrustStorePassword;
    }

    public void setTlsTrustStorePassword(String tlsTrustStorePassword) {
        this.tlsTrustStorePassword = tlsTrustStorePassword;
    }

    public String getTlsClientAuth() {
        return tlsClientAuth;
    }

    public void setTlsClientAuth(String tlsClientAuth) {
        this.tlsClientAuth = tlsClientAuth;
    }

    @Override
    public String toString() {
        return "DICOM listener " + aeTitle + " on " + bindAddress + ":" + port
                + (tlsEnabled() ? " and TLS port " + tlsPort + " (client certificate " + tlsClientAuth + ")" : "");
    }
}
