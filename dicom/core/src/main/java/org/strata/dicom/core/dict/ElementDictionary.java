package org.strata.dicom.core.dict;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;

/**
 * Runtime lookup of the PS3.6 data dictionary (tag to VR, VM, keyword), loaded once from the
 * {@code elements.tsv} resource that also generates {@link org.strata.dicom.core.Tag}. Repeating
 * groups (e.g. 60xx) are matched by mask; private tags get VR UN, their creators LO (PS3.5 7.8.1).
 */
public final class ElementDictionary {

    private static final ElementDictionary STANDARD = load();

    private final Map<Integer, DictionaryEntry> exact;
    private final List<MaskedEntry> masked;
    private final Map<String, DictionaryEntry> byKeyword;

    private record MaskedEntry(int mask, int value, DictionaryEntry entry) {
    }

    private ElementDictionary(Map<Integer, DictionaryEntry> exact, List<MaskedEntry> masked,
            Map<String, DictionaryEntry> byKeyword) {
        this.exact = exact;
        this.masked = masked;
        this.byKeyword = byKeyword;
    }

    /** The dictionary of the standard. */
    public static ElementDictionary standard() {
        return STANDARD;
    }

    /** The entry of a standard tag (repeating groups resolved), if any. */
    public Optional<DictionaryEntry> lookup(int tag) {
        DictionaryEntry e = exact.get(tag);
        if (e == null && !Tags.isPrivate(tag)) {
            for (MaskedEntry m : masked) {
                if ((tag & m.mask) == m.value) {
                    return Optional.of(m.entry);
                }
            }
        }
        return Optional.ofNullable(e);
    }

    /** The entry for a keyword such as {@code PatientName}. */
    public Optional<DictionaryEntry> lookup(String keyword) {
        return Optional.ofNullable(byKeyword.get(keyword));
    }

    /**
     * The VR to use for a tag when the encoding does not carry one (Implicit VR, PS3.5 A.1):
     * the dictionary VR (first alternative of e.g. "US or SS"; OW for "OB or OW"), UL for group
     * lengths, LO for private creators and UN otherwise.
     */
    public VR vrOf(int tag) {
        if (Tags.isGroupLength(tag)) {
            return VR.UL;
        }
        if (Tags.isPrivateCreator(tag)) {
            return VR.LO;
        }
        return lookup(tag).map(DictionaryEntry::defaultVR).orElse(VR.UN);
    }

    /** Whether the dictionary lists the tag as "US or SS" (signedness follows Pixel Representation). */
    public boolean isUsOrSs(int tag) {
        return lookup(tag).map(e -> e.vrs().startsWith("US or SS")).orElse(false);
    }

    /** The keyword of a tag, or the empty string for private or unknown tags. */
    public String keywordOf(int tag) {
        if (Tags.isPrivateCreator(tag)) {
            return "PrivateCreator";
        }
        if (Tags.isGroupLength(tag) && !exact.containsKey(tag)) {
            return "GroupLength";
        }
        return lookup(tag).map(DictionaryEntry::keyword).orElse("");
    }

    private static ElementDictionary load() {
        Map<Integer, DictionaryEntry> exact = new HashMap<>(8192);
        List<MaskedEntry> masked = new ArrayList<>();
        Map<String, DictionaryEntry> byKeyword = new HashMap<>(8192);
        try (InputStream in = ElementDictionary.class.getResourceAsStream("elements.tsv")) {
            if (in == null) {
                throw new IllegalStateException("elements.tsv missing from the class path");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            for (String line; (line = reader.readLine()) != null;) {
                String[] f = line.split("\t", -1);
                String hex = f[0];
                int value = (int) Long.parseLong(hex.replace('x', '0'), 16);
                int mask = (int) Long.parseLong(hex.replaceAll("[0-9A-F]", "F").replace('x', '0'), 16);
                DictionaryEntry entry = new DictionaryEntry(value, mask, f[1], f[2], "R".equals(f[3]), f[4], f[5]);
                if (mask == -1) {
                    exact.put(value, entry);
                } else {
                    masked.add(new MaskedEntry(mask, value, entry));
                }
                if (!f[4].isEmpty()) {
                    byKeyword.putIfAbsent(f[4], entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ElementDictionary(exact, List.copyOf(masked), byKeyword);
    }
}
