package org.strata.ejb.system;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.strata.jca.api.AdapterStatus;

/** Collects {@link SystemInfo} from the server: properties, the datasource and the adapter. */
@Stateless
@PermitAll
public class SystemInfoService {

    /** System property with the archive's AE title (set by ./strata run). */
    public static final String AE_TITLE_PROPERTY = "strata.dicom.aet";
    /** System property with the archive's DICOM port (set by ./strata run). */
    public static final String DICOM_PORT_PROPERTY = "strata.dicom.port";

    @Resource(lookup = "java:jboss/datasources/StrataDS")
    private DataSource dataSource;

    @PersistenceContext(unitName = "strata")
    private EntityManager em;

    @Resource(lookup = AdapterStatus.JNDI_NAME)
    private AdapterStatus adapterStatus;

    public SystemInfo info() {
        String version = SystemInfoService.class.getPackage().getImplementationVersion();
        return new SystemInfo(
                version == null ? "development" : version,
                System.getProperty(AE_TITLE_PROPERTY, "STRATA"),
                Integer.getInteger(DICOM_PORT_PROPERTY, 11112),
                databaseProduct(),
                em.getDelegate().getClass().getName(),
                adapterStatus.isActive());
    }

    private String databaseProduct() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw new EJBException("cannot read database metadata: " + e.getMessage(), e);
        }
    }
}
