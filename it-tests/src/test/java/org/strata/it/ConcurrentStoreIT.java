package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One study arriving on four associations at once (instances dealt round-robin, as a load
 * balancer or a parallel sender does): every C-STORE succeeds and the maintained counts are exact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConcurrentStoreIT {

    static final int INSTANCES = 200;
    static final int ASSOCIATIONS = 4;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @Test
    void fourAssociationsStoringOneStudyKeepItsCountsExact(@TempDir Path corpus) throws Exception {
        Process gen = new ProcessBuilder("/usr/bin/python3", "src/test/python/make_instances.py", corpus.toString(),
                String.valueOf(INSTANCES)).start();
        String study = new String(gen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, gen.waitFor());
        List<List<String>> shares = new ArrayList<>();
        for (int i = 0; i < ASSOCIATIONS; i++) {
            shares.add(new ArrayList<>());
        }
        try (Stream<Path> files = Files.list(corpus)) {
            List<Path> all = files.sorted().toList();
            for (int i = 0; i < all.size(); i++) {
                shares.get(i % ASSOCIATIONS).add(all.get(i).toString());
            }
        }
        ExecutorService senders = Executors.newFixedThreadPool(ASSOCIATIONS);
        try {
            List<Future<Dcmtk.Result>> runs = new ArrayList<>();
            for (List<String> share : shares) {
                List<String> args = new ArrayList<>(List.of("-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port")));
                args.addAll(share);
                runs.add(senders.submit(() -> Dcmtk.run("storescu", args)));
            }
            for (Future<Dcmtk.Result> run : runs) {
                Dcmtk.Result r = run.get();
                assertEquals(0, r.exitCode(), r.output());
            }
        } finally {
            senders.shutdown();
        }
        Dcmtk.Result find = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                "-k", "QueryRetrieveLevel=STUDY", "-k", "StudyInstanceUID=" + study,
                "-k", "NumberOfStudyRelatedInstances", "-k", "NumberOfStudyRelatedSeries");
        assertEquals(String.valueOf(INSTANCES), value(find.output(), "0020,1208"), find.output());
        assertEquals("1", value(find.output(), "0020,1206"), find.output());
    }

    private static String value(String output, String tag) {
        List<String> values = Dcmtk.values(output, tag);
        return values.isEmpty() ? null : values.get(0);
    }
}
