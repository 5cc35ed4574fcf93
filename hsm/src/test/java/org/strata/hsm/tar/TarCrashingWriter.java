package org.strata.hsm.tar;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.strata.hsm.TestData;
import org.strata.hsm.digest.DigestingStorage;

/**
 * Run in a child JVM by {@link TarCrashTest}: stores "kept", then stores "doomed" and halts the
 * JVM (no shutdown hooks, no finally blocks) at the worst moment: after the batch's bytes were
 * forced to the volume, before the catalogue recorded them.
 */
public final class TarCrashingWriter {

    public static void main(String[] args) throws Exception {
        Path library = Path.of(args[0]);
        VolumeCatalogue real = CatalogueFile.open(library.resolve(TarStorageProvider.CATALOGUE_FILE));
        TarStorageProvider tier = new TarStorageProvider(
                TarTierConfig.builder(library).volumeCapacity(10_000_000).build(), new HaltBeforeRecording(real));
        DigestingStorage storage = new DigestingStorage(tier);
        storage.store("kept", new ByteArrayInputStream(TestData.bytes(10_000, 1)));
        System.out.println("kept");
        System.out.flush();
        storage.store("doomed", new ByteArrayInputStream(TestData.bytes(30_000, 2)));
        System.out.println("not reached");
    }

    private static final class HaltBeforeRecording extends TarStorageProviderTest.FailingCatalogue {
        HaltBeforeRecording(VolumeCatalogue delegate) {
            super(delegate);
        }

        @Override
        public void addAll(List<CatalogueEntry> batch) throws IOException {
            if (batch.stream().anyMatch(e -> e.id().equals("doomed"))) {
                Runtime.getRuntime().halt(137);
            }
            super.addAll(batch);
        }
    }
}
