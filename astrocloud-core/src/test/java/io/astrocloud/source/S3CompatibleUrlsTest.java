package io.astrocloud.source;

import static io.astrocloud.source.StoreChecks.assertWalksAsAstropyReadsIt;
import static io.astrocloud.source.StoreChecks.RANGE_WALKABLE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.astrocloud.auth.S3Access;
import io.astrocloud.fits.WalkOptions;
import io.astrocloud.scan.FitsNames;
import io.astrocloud.scan.HeaderScanner;
import io.astrocloud.scan.ScanResult;
import io.astrocloud.scan.ScanTargets;
import io.astrocloud.testkit.Corpus;
import io.astrocloud.testkit.s3.TestS3;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DigitalOcean Spaces and MinIO URL forms walked over the corpus against S3Proxy, in both
 * addressing styles, with the endpoint, region and addressing the URL names.
 *
 * <p>What is real: the AWS SDK client the resolver builds from the URL (endpoint, region for
 * SigV4, virtual-hosted or path-style addressing), the Host headers it sends, S3Proxy routing by
 * Host as Spaces and MinIO do ({@link TestS3#virtualHostEndpoint}). What differs from Spaces: the
 * host names resolve to 127.0.0.1 through the JDK's hosts file ({@code src/test/hosts}, set by the
 * surefire execution {@code s3-compatible-host-names}), and the options' endpoint override swaps
 * only scheme and port ({@code http://nyc3.digitaloceanspaces.com:PORT}: S3Proxy speaks plain HTTP
 * on a free port, not HTTPS on 443). Each region has one name in the hosts file, so a nyc3 URL can
 * only be read virtual-hosted and a fra1 URL only in path style.
 */
class S3CompatibleUrlsTest {
    private static TestS3 s3;
    private static SourceResolver nyc3;
    private static SourceResolver fra1;
    private static SourceResolver minio;
    private static URI minioEndpoint;

    @BeforeAll
    static void serveCorpusUnderSpacesAndMinioNames() throws IOException {
        assertThat(resolves("corpus.nyc3.digitaloceanspaces.com"))
                .as("run through Maven: the surefire execution s3-compatible-host-names sets jdk.net.hosts.file")
                .isTrue();
        s3 = TestS3.start();
        assumeThat(s3.embedded()).as("host-name routing needs the embedded S3Proxy").isTrue();
        s3.createBucket("corpus");
        for (Path f : Corpus.files()) {
            s3.put("corpus", "real/" + f.getFileName(), f);
        }
        System.setProperty("aws.accessKeyId", s3.accessKey());
        System.setProperty("aws.secretAccessKey", s3.secretKey());
        nyc3 = resolver(s3.virtualHostEndpoint("nyc3.digitaloceanspaces.com"), false);
        fra1 = resolver(s3.virtualHostEndpoint("fra1.digitaloceanspaces.com"), false);
        minioEndpoint = s3.virtualHostEndpoint("minio.test");
        minio = resolver(minioEndpoint, true);
    }

    /** What the CLI's --endpoint gives: the endpoint (and path style for s3:// URLs); no region. */
    private static SourceResolver resolver(URI endpoint, boolean pathStyle) {
        return new SourceResolver(AccessOptions.builder().s3(S3Access.builder().endpoint(endpoint)
                .pathStyle(pathStyle).credentials(S3Access.Credentials.DEFAULT_CHAIN).build()).build());
    }

    @AfterAll
    static void stop() {
        Stream.of(nyc3, fra1, minio).filter(r -> r != null).forEach(SourceResolver::close);
        System.clearProperty("aws.accessKeyId");
        System.clearProperty("aws.secretAccessKey");
        if (s3 != null) {
            s3.close();
        }
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksSpacesUrlsVirtualHostedAndPathStyleAsAstropyReadsThem(String file) throws IOException {
        assertWalksAsAstropyReadsIt(nyc3, "https://corpus.nyc3.digitaloceanspaces.com/real/" + file, file,
                WalkOptions.DEFAULT);
        assertWalksAsAstropyReadsIt(fra1, "https://fra1.digitaloceanspaces.com/corpus/real/" + file, file,
                WalkOptions.DEFAULT);
    }

    @ParameterizedTest
    @MethodSource(RANGE_WALKABLE)
    void walksMinioUrlsOnTheEndpointInBothStylesAndByScheme(String file) throws IOException {
        String port = ":" + minioEndpoint.getPort();
        assertWalksAsAstropyReadsIt(minio, "http://minio.test" + port + "/corpus/real/" + file, file,
                WalkOptions.DEFAULT);
        assertWalksAsAstropyReadsIt(minio, "http://corpus.minio.test" + port + "/real/" + file, file,
                WalkOptions.DEFAULT);
        assertWalksAsAstropyReadsIt(minio, "s3://corpus/real/" + file, file, WalkOptions.DEFAULT);
    }

    @Test
    void signsForTheRegionTheSpacesHostNames() {
        assertThat(s3Access(nyc3, "https://corpus.nyc3.digitaloceanspaces.com/real/x.fits").region())
                .isEqualTo("nyc3");
        assertThat(s3Access(fra1, "https://fra1.digitaloceanspaces.com/corpus/real/x.fits").region())
                .isEqualTo("fra1");
    }

    private static io.astrocloud.auth.S3Access s3Access(SourceResolver resolver, String url) {
        S3StoreProvider s3 = resolver.provider(S3StoreProvider.class);
        return s3.access(s3.locate(url, resolver.options()), resolver.options());
    }

    @Test
    void listsASpacesPrefixAndNamesEachObjectInTheUrlsForm() throws IOException {
        List<String> expected = Corpus.files().stream()
                .map(p -> "https://corpus.nyc3.digitaloceanspaces.com/real/" + p.getFileName())
                .filter(u -> FitsNames.DEFAULT.matcher(u).matches()).sorted().collect(Collectors.toList());
        try (HeaderScanner scanner = new HeaderScanner(nyc3, WalkOptions.DEFAULT, 4);
             Stream<ScanResult> results = scanner.scan(ScanTargets.expand(nyc3,
                     List.of("https://corpus.nyc3.digitaloceanspaces.com/real/"), FitsNames.DEFAULT))) {
            List<ScanResult> all = results.collect(Collectors.toList());
            assertThat(all.stream().map(r -> r.object().url()).sorted()).containsExactlyElementsOf(expected);
            assertThat(all.stream().filter(r -> !r.object().url().endsWith(".gz")
                    && !r.object().url().endsWith("wcslib71.fits")).filter(r -> !r.ok())).isEmpty();
        }
    }

    private static boolean resolves(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
