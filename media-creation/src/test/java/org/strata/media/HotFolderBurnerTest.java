package org.strata.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Job files of the hot-folder formats and how results (or their absence) end a job. */
class HotFolderBurnerTest {

    @TempDir
    Path folder;

    private BurnJob job(String id) {
        return new BurnJob(id, folder.resolve(id + ".ISO"), 2, folder.resolve("L.PNG"), "STRATA_1");
    }

    @Test
    void ptburnJobFileCarriesImageCopiesAndLabel() throws Exception {
        HotFolderBurner burner = new HotFolderBurner(folder, BurnJobFormat.PTBURN, Duration.ofSeconds(5), Duration.ofMillis(20));
        burner.submit(job("J1"));
        String jrq = Files.readString(folder.resolve("J1.JRQ"));
        assertTrue(jrq.contains("JobID=J1\r\n"), jrq);
        assertTrue(jrq.contains("ImageFile=" + folder.resolve("J1.ISO") + "\r\n"), jrq);
        assertTrue(jrq.contains("Copies=2\r\n") && jrq.contains("PrintLabel=" + folder.resolve("L.PNG")), jrq);
        assertTrue(jrq.contains("VolumeName=STRATA_1\r\n"), jrq);
        assertFalse(Files.exists(folder.resolve("J1.tmp")));
        // PTBurn renames the request when done
        Files.move(folder.resolve("J1.JRQ"), folder.resolve("J1.DON"));
        assertEquals(new HotFolderBurner.Result(true, null), burner.await("J1", () -> false));
    }

    @Test
    void anErrorFileFailsTheJobWithItsReason() throws Exception {
        HotFolderBurner burner = new HotFolderBurner(folder, BurnJobFormat.JSON, Duration.ofSeconds(5), Duration.ofMillis(20));
        burner.submit(job("J2"));
        String json = Files.readString(folder.resolve("J2.json"));
        assertTrue(json.startsWith("{\"jobId\":\"J2\",\"image\":\"" + folder.resolve("J2.ISO") + "\",\"copies\":2,"), json);
        Files.writeString(folder.resolve("J2.err"), "OUT_OF_SUPPLIES\nno blank discs\n", StandardCharsets.UTF_8);
        HotFolderBurner.Result r = burner.await("J2", () -> false);
        assertFalse(r.done());
        assertEquals("burner reported an error for job J2: OUT_OF_SUPPLIES", r.reason());
    }

    @Test
    void noResultWithinTheTimeoutFailsAndWithdrawsTheJob() throws Exception {
        HotFolderBurner burner = new HotFolderBurner(folder, BurnJobFormat.JSON, Duration.ofMillis(300), Duration.ofMillis(20));
        burner.submit(job("J3"));
        HotFolderBurner.Result r = burner.await("J3", () -> false);
        assertFalse(r.done());
        assertEquals("no result from the burner for job J3 within 0 s", r.reason());
        assertFalse(Files.exists(folder.resolve("J3.json")), "job withdrawn");
    }

    @Test
    void jsonStringsAreEscaped() {
        assertEquals("\"a\\\"b\\\\c\\u000a\"", BurnJobFormat.q("a\"b\\c\n"));
    }
}
