package org.strata.dicom.media;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Unpacks a TAR volume as dcm4chee 2.x wrote them (one series per tar, POSIX ustar or GNU format,
 * an {@code MD5SUM} entry with one line {@code <md5 hex> <entry name>} per file) and verifies each
 * file against its checksum. A file whose MD5 differs, that the MD5SUM does not list, or whose name
 * leaves the target folder is not kept and is reported; a listed file missing from the tar is
 * reported too. Without an MD5SUM entry the files are kept unverified, with that reported once.
 */
public final class TarVolume {

    /** The name dcm4chee 2.x gave the checksum entry. */
    public static final String MD5SUM = "MD5SUM";

    private static final int BLOCK = 512;

    private TarVolume() {
    }

    /** Whether {@code file} starts with a tar header (ustar magic at byte 257). */
    public static boolean isTar(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] h = in.readNBytes(BLOCK);
            return h.length == BLOCK && new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar");
        }
    }

    /**
     * Extracts {@code tar} into {@code into}, at most {@code maxTotalBytes} in all.
     *
     * @return one line per problem (checksum mismatch, unlisted, missing, refused path)
     */
    public static List<String> extract(Path tar, Path into, long maxTotalBytes) throws IOException {
        Path root = into.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<String> errors = new ArrayList<>();
        Map<String, String> written = new LinkedHashMap<>(); // entry name -> md5 hex
        Map<String, String> listed = null;
        long total = 0;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(tar), 64 * 1024)) {
            String longName = null;
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK) {
                    if (header.length > 0) {
                        errors.add(tar.getFileName() + ": truncated tar header");
                    }
                    break;
                }
                if (isZeroBlock(header)) {
                    break;
                }
                checkHeaderChecksum(header, tar);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String name = longName != null ? longName : name(header);
                longName = null;
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                if (type == 'L' || type == 'x') {
                    byte[] data = readFully(in, size, tar);
                    in.skipNBytes(padded - size);
                    longName = type == 'L' ? cString(data) : paxPath(data);
                    continue;
                }
                if (type != '0' && type != '\0' && type != '7') {
                    // directories, links, devices: nothing to import
                    in.skipNBytes(padded);
                    continue;
                }
                if (name.equals(MD5SUM) || name.endsWith("/" + MD5SUM)) {
                    listed = parseMd5Sum(readFully(in, size, tar), errors);
                    in.skipNBytes(padded - size);
                    continue;
                }
                Path target = root.resolve(name).normalize();
                if (!target.startsWith(root) || target.equals(root)) {
                    errors.add(name + ": refused, the path leaves the target folder");
                    in.skipNBytes(padded);
                    continue;
                }
                if (total + size > maxTotalBytes) {
                    errors.add(name + ": refused, the volume exceeds " + maxTotalBytes + " bytes");
                    break;
                }
                Files.createDirectories(target.getParent());
                written.put(name, copy(in, size, target, tar));
                in.skipNBytes(padded - size);
                total += size;
            }
        } catch (EOFException e) {
            errors.add(tar.getFileName() + ": truncated tar (" + e.getMessage() + ")");
        }
        verify(root, written, listed, errors);
        return errors;
    }

    private static void verify(Path root, Map<String, String> written, Map<String, String> listed,
            List<String> errors) throws IOException {
        if (listed == null) {
            errors.add(MD5SUM + ": no checksum entry in the tar, files imported unverified");
            return;
        }
        for (Map.Entry<String, String> e : written.entrySet()) {
            String expected = listed.get(e.getKey());
            if (expected == null) {
                errors.add(e.getKey() + ": not listed in " + MD5SUM + ", not imported");
                Files.deleteIfExists(root.resolve(e.getKey()));
            } else if (!expected.equals(e.getValue())) {
                errors.add(e.getKey() + ": MD5 " + e.getValue() + " differs from " + MD5SUM + " (" + expected
                        + "), not imported");
                Files.deleteIfExists(root.resolve(e.getKey()));
            }
        }
        listed.keySet().stream().filter(n -> !written.containsKey(n))
                .forEach(n -> errors.add(n + ": listed in " + MD5SUM + " but not in the tar"));
    }

    /** Lines {@code <32 hex> <name>} (one or two spaces, {@code *} for binary mode as md5sum writes). */
    static Map<String, String> parseMd5Sum(byte[] data, List<String> errors) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String line : new String(data, StandardCharsets.UTF_8).split("\r?\n")) {
            if (line.isBlank()) {
                continue;
            }
            String l = line.strip();
            int space = l.indexOf(' ');
            String hex = space < 0 ? l : l.substring(0, space);
            String name = space < 0 ? "" : l.substring(space + 1).stripLeading();
            if (name.startsWith("*")) {
                name = name.substring(1);
            }
            if (!hex.matches("[0-9a-fA-F]{32}") || name.isEmpty()) {
                errors.add(MD5SUM + ": line not understood: " + line);
                continue;
            }
            sums.put(name, hex.toLowerCase(Locale.ROOT));
        }
        return sums;
    }

    private static String copy(InputStream in, long size, Path target, Path tar) throws IOException {
        MessageDigest md5 = md5();
        byte[] buf = new byte[64 * 1024];
        long left = size;
        try (OutputStream out = Files.newOutputStream(target)) {
            while (left > 0) {
                int r = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    throw new EOFException(target.getFileName() + " ends early in " + tar.getFileName());
                }
                md5.update(buf, 0, r);
                out.write(buf, 0, r);
                left -= r;
            }
        }
        return HexFormat.of().formatHex(md5.digest());
    }

    private static byte[] readFully(InputStream in, long size, Path tar) throws IOException {
        if (size > 16L << 20) {
            throw new IOException(tar.getFileName() + ": header entry of " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw new EOFException("entry ends early");
        }
        return data;
    }

    private static String name(byte[] h) {
        String name = cString(h, 0, 100);
        if (new String(h, 257, 5, StandardCharsets.US_ASCII).equals("ustar")) {
            String prefix = cString(h, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
        }
        return name;
    }

    /** The {@code path} record of a pax extended header ({@code "<len> path=<value>\n"}). */
    private static String paxPath(byte[] data) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int sp = record.indexOf(' ');
            if (sp > 0 && record.startsWith("path=", sp + 1)) {
                return record.substring(sp + 6);
            }
        }
        return null;
    }

    private static void checkHeaderChecksum(byte[] h, Path tar) throws IOException {
        long stored = octal(h, 148, 8);
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xFF;
        }
        if (sum != stored) {
            throw new IOException(tar.getFileName() + " is not a tar volume or is corrupt (header checksum)");
        }
    }

    private static long octal(byte[] h, int off, int len) {
        long v = 0;
        for (int i = off; i < off + len; i++) {
            byte b = h[i];
            if (b == 0 || b == ' ') {
                if (v > 0) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                break;
            }
            v = v * 8 + (b - '0');
        }
        return v;
    }

    private static String cString(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }

    private static String cString(byte[] data) {
        return cString(data, 0, data.length);
    }

    private static boolean isZeroBlock(byte[] h) {
        for (byte b : h) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
