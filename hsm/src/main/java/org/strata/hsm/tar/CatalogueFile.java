package org.strata.hsm.tar;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.strata.hsm.digest.Sha256;
import org.strata.hsm.spi.ObjectIds;

/**
 * The catalogue as an append-only text file, one tab-separated record per line (our format):
 * <pre>
 * # strata tar catalogue v1
 * V  vol-000001                                                    a volume was added
 * E  id  volume  headerOffset  dataOffset  size  endOffset  sha256   an entry of a batch ...
 * C  count                                                         ... committed with its count
 * D  id                                                            an object was removed
 * </pre>
 * Each change is one write followed by {@code FileChannel.force(true)}. Entries count only once
 * their {@code C} line is read, which makes a batch all or nothing. On opening, a torn tail
 * (an incomplete last write after a crash) is cut off; a bad line followed by valid records is
 * corruption and fails the open. State is mirrored in an {@link InMemoryCatalogue}.
 */
public final class CatalogueFile implements VolumeCatalogue {

    static final String HEADER = "# strata tar catalogue v1\n";
    private static final System.Logger LOG = System.getLogger(CatalogueFile.class.getName());

    private final Path file;
    private final FileChannel channel;
    private final InMemoryCatalogue state = new InMemoryCatalogue();

    private CatalogueFile(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /** Opens (creating when absent) the catalogue file and replays it. */
    public static CatalogueFile open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        CatalogueFile c = new CatalogueFile(file, ch);
        try {
            c.replay();
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
        return c;
    }

    private void replay() throws IOException {
        byte[] all = Files.readAllBytes(file);
        String text = new String(all, StandardCharsets.UTF_8);
        if (all.length < HEADER.length() && HEADER.startsWith(text)) { // new, or its first write torn
            channel.truncate(0);
            append(HEADER);
            return;
        }
        if (!text.startsWith(HEADER)) {
            throw new IOException("Not a strata tar catalogue: " + file);
        }
        int pos = HEADER.length();
        long validBytes = HEADER.length();
        List<CatalogueEntry> pending = new ArrayList<>();
        while (pos < text.length()) {
            int nl = text.indexOf('\n', pos);
            if (nl < 0) {
                break; // torn: an incomplete last line
            }
            String line = text.substring(pos, nl);
            try {
                if (apply(line.split("\t", -1), pending)) {
                    validBytes = utf8Length(text, nl + 1);
                }
            } catch (RuntimeException bad) {
                if (validRecordFollows(text, nl + 1)) {
                    throw new IOException("Corrupt catalogue " + file + " at line: " + line, bad);
                }
                break;
            }
            pos = nl + 1;
        }
        if (validBytes < all.length) {
            LOG.log(Level.WARNING, "Catalogue {0}: cutting off {1} bytes of an incomplete write ({2} uncommitted entries)",
                    file, all.length - validBytes, pending.size());
            channel.truncate(validBytes);
            channel.force(true);
        }
    }

    /** Applies one record; true when the state now includes everything read so far. */
    private boolean apply(String[] f, List<CatalogueEntry> pending) {
        switch (f[0]) {
            case "V" -> {
                fields(f, 2);
                requireNoPending(pending);
                state.addVolume(f[1]);
                return true;
            }
            case "E" -> {
                fields(f, 8);
                pending.add(new CatalogueEntry(ObjectIds.validate(f[1]), f[2], Long.parseLong(f[3]),
                        Long.parseLong(f[4]), Long.parseLong(f[5]), Long.parseLong(f[6]), new Sha256(f[7])));
                return false;
            }
            case "C" -> {
                fields(f, 2);
                if (Integer.parseInt(f[1]) != pending.size()) {
                    throw new IllegalArgumentException("batch count " + f[1] + " but " + pending.size() + " entries");
                }
                state.addAll(pending);
                pending.clear();
                return true;
            }
            case "D" -> {
                fields(f, 2);
                requireNoPending(pending);
                state.remove(f[1]);
                return true;
            }
            default -> throw new IllegalArgumentException("unknown record " + f[0]);
        }
    }

    private static void fields(String[] f, int n) {
        if (f.length != n) {
            throw new IllegalArgumentException(n + " fields expected, got " + f.length);
        }
    }

    private static void requireNoPending(List<CatalogueEntry> pending) {
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("entries without their commit record");
        }
    }

    private static boolean validRecordFollows(String text, int from) {
        for (String line : text.substring(from).split("\n")) {
            if (line.matches("(V|D)\t[^\t]+|C\t\\d+")) {
                return true;
            }
        }
        return false;
    }

    private static long utf8Length(String text, int end) {
        return text.substring(0, end).getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public synchronized List<String> volumes() {
        return state.volumes();
    }

    @Override
    public synchronized void addVolume(String volume) throws IOException {
        if (volumes().contains(volume)) {
            throw new IllegalArgumentException("Volume exists: " + volume);
        }
        append("V\t" + volume + "\n");
        state.addVolume(volume);
    }

    @Override
    public synchronized void addAll(List<CatalogueEntry> batch) throws IOException {
        StringBuilder b = new StringBuilder();
        for (CatalogueEntry e : batch) {
            if (!volumes().contains(e.volume())) {
                throw new IllegalArgumentException("Unknown volume: " + e.volume());
            }
            b.append("E\t").append(e.id()).append('\t').append(e.volume()).append('\t').append(e.headerOffset())
                    .append('\t').append(e.dataOffset()).append('\t').append(e.size()).append('\t')
                    .append(e.endOffset()).append('\t').append(e.sha256().hex()).append('\n');
        }
        b.append("C\t").append(batch.size()).append('\n');
        append(b.toString());
        state.addAll(batch);
    }

    @Override
    public synchronized Optional<CatalogueEntry> find(String id) {
        return state.find(id);
    }

    @Override
    public synchronized void remove(String id) throws IOException {
        if (state.find(id).isPresent()) {
            append("D\t" + id + "\n");
            state.remove(id);
        }
    }

    @Override
    public synchronized long committedEnd(String volume) {
        return state.committedEnd(volume);
    }

    @Override
    public synchronized List<CatalogueEntry> entries(String volume) {
        return state.entries(volume);
    }

    private void append(String records) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(records.getBytes(StandardCharsets.UTF_8));
        long start = channel.size();
        try {
            long pos = start;
            while (buf.hasRemaining()) {
                pos += channel.write(buf, pos);
            }
            channel.force(true);
        } catch (IOException e) {
            try { // leave no partial record for the next append to follow
                channel.truncate(start);
            } catch (IOException t) {
                e.addSuppressed(t);
            }
            throw e;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "CatalogueFile[" + file + "]";
    }
}
