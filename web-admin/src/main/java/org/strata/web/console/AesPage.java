package org.strata.web.console;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.strata.ejb.ae.RemoteAEConfig;
import org.strata.ejb.ae.RemoteAEService;

/** Backing bean of {@code aes.xhtml}: the remote AE table, the same data as {@code /strata/api/aes}. */
@Named
@ViewScoped
public class AesPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    RemoteAEService aes;

    private final AeForm form = new AeForm();
    private List<RemoteAEConfig> entries;

    public List<RemoteAEConfig> getEntries() {
        if (entries == null) {
            entries = aes.all();
        }
        return entries;
    }

    public AeForm getForm() {
        return form;
    }

    /** Fills the form with an entry to change it. */
    public void edit(RemoteAEConfig entry) {
        form.fill(entry);
    }

    public void save() {
        if (Feedback.run("Saved " + form.getAeTitle(), () -> aes.put(form.toConfig()))) {
            form.clear();
            entries = null;
        }
    }

    public void delete(RemoteAEConfig entry) {
        Feedback.run("Deleted " + entry.aeTitle(), () -> {
            if (!aes.delete(entry.aeTitle())) {
                throw new IllegalArgumentException("no AE " + entry.aeTitle());
            }
        });
        entries = null;
    }

    /** The add / edit form. */
    public static class AeForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String aeTitle;
        private String host;
        private Integer port;
        private boolean tls;
        private String description;

        void fill(RemoteAEConfig c) {
            aeTitle = c.aeTitle();
            host = c.host();
            port = c.port();
            tls = c.tls();
            description = c.description();
        }

        void clear() {
            aeTitle = null;
            host = null;
            port = null;
            tls = false;
            description = null;
        }

        RemoteAEConfig toConfig() {
            if (port == null) {
                throw new IllegalArgumentException("port is missing");
            }
            return new RemoteAEConfig(aeTitle, host, port, tls,
                    description == null || description.isBlank() ? null : description);
        }

        public String getAeTitle() {
            return aeTitle;
        }

        public void setAeTitle(String aeTitle) {
            this.aeTitle = aeTitle;
        }

        public String getHost() {
            return host;
        }

        public void setHost(String host) {
            this.host = host;
        }

        public Integer getPort() {
            return port;
        }

        public void setPort(Integer port) {
            this.port = port;
        }

        public boolean isTls() {
            return tls;
        }

        public void setTls(boolean tls) {
            this.tls = tls;
        }

        public String getDescription() {
            return description;
        }

        public void setDescription(String description) {
            this.description = description;
        }
    }
}
