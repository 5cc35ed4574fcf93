package org.strata.jca;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.resource.spi.BootstrapContext;
import jakarta.resource.spi.work.WorkManager;
import org.junit.jupiter.api.Test;

class StrataResourceAdapterTest {

    @Test
    void statusFollowsStartAndStop() throws Exception {
        StrataResourceAdapter adapter = new StrataResourceAdapter();
        AdapterStatusObject status = new AdapterStatusObject();
        status.setResourceAdapter(adapter);
        assertFalse(status.isActive());

        BootstrapContext context = mock(BootstrapContext.class);
        WorkManager workManager = mock(WorkManager.class);
        when(context.getWorkManager()).thenReturn(workManager);
        adapter.start(context);
        assertTrue(status.isActive());
        assertNotNull(status.startedAt());
        assertEquals(workManager, adapter.workManager());

        adapter.stop();
        assertFalse(status.isActive());
        assertThrows(IllegalStateException.class, adapter::workManager);
    }
}
