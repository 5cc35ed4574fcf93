package org.strata.media;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.strata.dicom.media.MediaInput;
import org.strata.ejb.config.SettingsService;
import org.strata.ejb.media.ImportJob;
import org.strata.ejb.media.ImportJobs;

/**
 * Server-side imports of media ({@code POST /strata/api/import}): checks the path lies in a folder
 * imports may read from ({@link ImportRoots}) and is a medium Strata reads (folder, DICOMDIR, ISO
 * 9660 image, ZIP, dcm4chee 2.x TAR volume), records the import and starts it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportService {

    private static final Logger LOG = Logger.getLogger(ImportService.class.getName());

    @EJB
    ImportJobs jobs;

    @EJB
    Importer importer;

    @EJB
    SettingsService settings;

    /** Records and starts an import of {@code path} (absolute, on the server); returns its id. */
    public String submit(String path) {
        if (path == null || path.isBlank()) {
            throw new MediaRequestRefused("an import needs \"path\": a folder, DICOMDIR, ISO, ZIP or TAR on the server");
        }
        Path p = Path.of(path);
        if (!p.isAbsolute()) {
            throw new MediaRequestRefused("the import path must be absolute: " + path);
        }
        try {
            ImportRoots.of(settings.get(ImportRoots.SETTING), ImportRoots.defaultRoot()).check(p);
            MediaInput.kindOf(p);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new MediaRequestRefused("no such file or folder: " + path);
        } catch (IOException e) {
            throw new MediaRequestRefused(e.getMessage());
        }
        String id = UUID.randomUUID().toString();
        jobs.create(id, p.normalize().toString());
        importer.start(id);
        LOG.info(() -> "import " + id + " of " + path + " accepted");
        return id;
    }

    public Optional<ImportJob> find(String id) {
        return jobs.find(id);
    }

    public List<ImportJob> recent(int max) {
        return jobs.recent(max);
    }
}
