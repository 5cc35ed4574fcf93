package org.strata.ejb.store;

import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Makes committed transactions durable where the database does not on commit. H2's MVStore
 * writes a commit to its file but does not force it, even with WRITE_DELAY=0 (measured: no
 * fsync of the database file during ingest); {@code CHECKPOINT SYNC} forces it. PostgreSQL
 * forces its WAL at commit (synchronous_commit on), so nothing is done there. Called once per
 * group-commit batch, after its transaction committed.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseSync {

    @Resource(lookup = "java:jboss/datasources/StrataDS")
    DataSource dataSource;

    private volatile Boolean h2;

    public void sync() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            if (h2 == null) {
                h2 = c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
            }
            if (h2) {
                try (Statement s = c.createStatement()) {
                    s.execute("CHECKPOINT SYNC");
                }
            }
        }
    }
}
