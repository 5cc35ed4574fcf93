package org.strata.dicom.core.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Runtime lookup of the UID registry of PS3.6 Annex A (transfer syntaxes, SOP classes, ...),
 * loaded once from the {@code uids.tsv} resource that also generates {@link org.strata.dicom.core.UID}.
 */
public final class UidDictionary {

    /** One registered UID. */
    public record Entry(String uid, String type, boolean retired, String keyword, String name) {
    }

    private static final UidDictionary STANDARD = load();

    private final Map<String, Entry> byUid;
    private final Map<String, Entry> byKeyword;

    private UidDictionary(Map<String, Entry> byUid, Map<String, Entry> byKeyword) {
        this.byUid = byUid;
        this.byKeyword = byKeyword;
    }

    public static UidDictionary standard() {
        return STANDARD;
    }

    public Optional<Entry> lookup(String uid) {
        return Optional.ofNullable(byUid.get(uid.trim()));
    }

    public Optional<Entry> lookupKeyword(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /** The name of a registered UID, or the UID itself. */
    public String nameOf(String uid) {
        return lookup(uid).map(Entry::name).orElse(uid);
    }

    /** All entries in registry order. */
    public Collection<Entry> entries() {
        return Collections.unmodifiableCollection(byUid.values());
    }

    private static UidDictionary load() {
        Map<String, Entry> byUid = new LinkedHashMap<>();
        Map<String, Entry> byKeyword = new LinkedHashMap<>();
        try (InputStream in = UidDictionary.class.getResourceAsStream("uids.tsv")) {
            if (in == null) {
                throw new IllegalStateException("uids.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null;) {
                String[] f = line.split("\t", -1);
                Entry e = new Entry(f[0], f[1], "R".equals(f[2]), f[3], f[4]);
                byUid.put(e.uid(), e);
                if (!e.keyword().isEmpty()) {
                    byKeyword.putIfAbsent(e.keyword(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new UidDictionary(byUid, byKeyword);
    }
}
