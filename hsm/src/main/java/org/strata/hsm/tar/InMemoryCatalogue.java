package org.strata.hsm.tar;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A catalogue that lives as long as the process: for tests, and as the model of the contract. */
public final class InMemoryCatalogue implements VolumeCatalogue {

    private final List<String> volumes = new ArrayList<>();
    private final Map<String, CatalogueEntry> byId = new HashMap<>();
    private final Map<String, Long> ends = new HashMap<>();

    @Override
    public synchronized List<String> volumes() {
        return List.copyOf(volumes);
    }

    @Override
    public synchronized void addVolume(String volume) {
        if (volumes.contains(volume)) {
            throw new IllegalArgumentException("Volume exists: " + volume);
        }
        volumes.add(volume);
    }

    @Override
    public synchronized void addAll(List<CatalogueEntry> batch) {
        for (CatalogueEntry e : batch) {
            if (!volumes.contains(e.volume())) {
                throw new IllegalArgumentException("Unknown volume: " + e.volume());
            }
        }
        for (CatalogueEntry e : batch) {
            byId.put(e.id(), e);
            ends.merge(e.volume(), e.endOffset(), Math::max);
        }
    }

    @Override
    public synchronized Optional<CatalogueEntry> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    @Override
    public synchronized void remove(String id) {
        byId.remove(id);
    }

    @Override
    public synchronized long committedEnd(String volume) {
        return ends.getOrDefault(volume, 0L);
    }

    @Override
    public synchronized List<CatalogueEntry> entries(String volume) {
        return byId.values().stream().filter(e -> e.volume().equals(volume))
                .sorted(Comparator.comparingLong(CatalogueEntry::headerOffset)).toList();
    }
}
