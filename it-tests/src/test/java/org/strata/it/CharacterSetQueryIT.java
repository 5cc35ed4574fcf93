package org.strata.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomFile;
import org.strata.dicom.core.io.FileMetaInformation;
import org.strata.dicom.core.io.Part10Writer;
import org.strata.dicom.core.io.TransferSyntax;

/**
 * Non-ASCII matching keys: instances stored in ISO 8859-1, ISO 2022 (Japanese), ISO 8859-5 and
 * UTF-8 are found by a findscu query written in another character set than theirs.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CharacterSetQueryIT {

    static final Path CHARSET_FILES = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.strataEar();
    }

    @BeforeAll
    static void store() throws Exception {
        Dcmtk.Result r = Dcmtk.run("storescu", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                CHARSET_FILES.resolve("chrFren.dcm").toString(), CHARSET_FILES.resolve("chrH31.dcm").toString(),
                CHARSET_FILES.resolve("chrRuss.dcm").toString(), CHARSET_FILES.resolve("chrX1.dcm").toString());
        assertEquals(0, r.exitCode(), r.output());
    }

    @ParameterizedTest(name = "{0} queried in {1}")
    @CsvSource(delimiter = '|', value = {
        "Buc^Jérôme                          | ISO_IR 192 | 1.3.6.1.4.1.5962.1.2.0.1175775772.5720.0",
        "Buc^J*                              | ISO_IR 100 | 1.3.6.1.4.1.5962.1.2.0.1175775772.5720.0",
        "Yamada^Tarou=山田^太郎=やまだ^たろう  | ISO_IR 192 | 1.3.6.1.4.1.5962.1.2.0.1175775771.5702.0",
        "Люкceмбypг                          | ISO_IR 192 | 1.3.6.1.4.1.5962.1.2.0.1175775772.5729.0",
        "Wang^XiaoDong=王^小東                | ISO_IR 192 | 1.3.6.1.4.1.5962.1.2.0.1175775771.5711.0",
        "Wang^XiaoDong=王*                    | GB18030    | 1.3.6.1.4.1.5962.1.2.0.1175775771.5711.0",
    })
    void aNameMatchesWhateverCharacterSetsTheQueryAndTheInstanceUse(String name, String charset, String study,
                                                                    @TempDir Path dir) throws Exception {
        Attributes keys = new Attributes().setString(Tag.SpecificCharacterSet, VR.CS, charset)
                .setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY").setString(Tag.PatientName, VR.PN, name.strip())
                .setString(Tag.StudyInstanceUID, VR.UI, "");
        Path query = dir.resolve("query.dcm");
        Part10Writer.write(query, new DicomFile(null, FileMetaInformation.create("1.2.840.10008.5.1.4.1.2.2.1",
                "2.25.1", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid()), keys, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN));
        Dcmtk.Result r = Dcmtk.run("findscu", "-S", "-aec", "STRATA", "127.0.0.1", System.getProperty("it.dicom.port"),
                query.toString());
        assertEquals(0, r.exitCode(), r.output());
        TreeSet<String> found = new TreeSet<>(Dcmtk.values(r.output(), "0020,000d"));
        assertEquals(new TreeSet<>(List.of(study)), found, r.output());
    }
}
