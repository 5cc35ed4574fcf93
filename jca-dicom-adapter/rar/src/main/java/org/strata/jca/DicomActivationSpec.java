package org.strata.jca;

import jakarta.resource.ResourceException;
import jakarta.resource.spi.ActivationSpec;
import jakarta.resource.spi.InvalidPropertyException;
import jakarta.resource.spi.ResourceAdapter;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

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

    @Override
    public void validate() throws InvalidPropertyException {
        if (aeTitle == null || aeTitle.isBlank() || aeTitle.length() > 16 || aeTitle.contains("\\")) {
            throw new InvalidPropertyException("aeTitle must be 1-16 characters without backslash: '" + aeTitle + "'");
        }
        if (port == null || port < 0 || port > 65535) {
            throw new InvalidPropertyException("port must be in 0..65535: " + port);
        }
        if (maxAssociations == null || maxAssociations < 1) {
            throw new InvalidPropertyException("maxAssociations must be at least 1: " + maxAssociations);
        }
        if (bindAddress == null || bindAddress.isBlank()) {
            throw new InvalidPropertyException("bindAddress is empty");
        }
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

    @Override
    public String toString() {
        return "DICOM listener " + aeTitle + " on " + bindAddress + ":" + port + (Boolean.TRUE.equals(tls) ? " (TLS)" : "");
    }
}
