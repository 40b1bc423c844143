package io.astrocloud.testkit.s3;

import io.astrocloud.testkit.fits.HduSpec;
import io.astrocloud.testkit.fits.SparseFitsWriter;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserDefinedFileAttributeView;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.BlobStores;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.blobstore.BlobStore;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * An S3 endpoint for tests, the demo and benchmarks: S3Proxy in-process over a temporary
 * directory by default (the real S3 protocol: SigV4, ranged GET, ETag, ListObjectsV2), or an
 * external S3-compatible endpoint such as LocalStack when {@code ASTROCLOUD_TEST_S3_ENDPOINT} is
 * set (with {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_REGION}).
 */
public final class TestS3 implements AutoCloseable {
    /** Environment variable naming an external S3 endpoint to use instead of S3Proxy. */
    public static final String ENDPOINT_ENV = "ASTROCLOUD_TEST_S3_ENDPOINT";
    // Letters and digits only, as DynamoDB Local requires: one set of credentials for both
    // in-process emulators, as one set serves every service of LocalStack.
    private static final String IDENTITY = "astrocloudtest";
    private static final String CREDENTIAL = "astrocloudtestsecret";

    private final S3Proxy proxy;
    private final BlobStore store;
    private final List<S3Proxy> virtualHostProxies = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Path baseDir;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final S3Client admin;

    private TestS3(S3Proxy proxy, BlobStore store, Path baseDir, URI endpoint, String accessKey, String secretKey,
                   String region) {
        this.proxy = proxy;
        this.store = store;
        this.baseDir = baseDir;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
        this.admin = S3Client.builder()
                .endpointOverride(endpoint)
                .forcePathStyle(true)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
                .build();
    }

    /** Starts S3Proxy (SigV4) or connects to the endpoint named by {@value #ENDPOINT_ENV}. */
    public static TestS3 start() throws IOException {
        String external = System.getenv(ENDPOINT_ENV);
        if (external != null && !external.isBlank()) {
            return new TestS3(null, null, null, URI.create(external),
                    envOr("AWS_ACCESS_KEY_ID", "test"), envOr("AWS_SECRET_ACCESS_KEY", "test"),
                    envOr("AWS_REGION", "us-east-1"));
        }
        return startEmbedded(false, null);
    }

    /**
     * Starts S3Proxy in-process. {@code anonymous} accepts unsigned requests (a public bucket);
     * {@code blobStoreWrapper}, if not null, wraps the file-system store (to add latency, say).
     */
    public static TestS3 startEmbedded(boolean anonymous, java.util.function.UnaryOperator<BlobStore> blobStoreWrapper)
            throws IOException {
        Path dir = Files.createTempDirectory("astrocloud-s3");
        Properties props = new Properties();
        props.setProperty("jclouds.filesystem.basedir", dir.toString());
        BlobStore store = BlobStores.create("filesystem", props);
        if (blobStoreWrapper != null) {
            store = blobStoreWrapper.apply(store);
        }
        S3Proxy proxy = startProxy(store, anonymous, null);
        return new TestS3(proxy, store, dir, URI.create("http://127.0.0.1:" + proxy.getPort()),
                IDENTITY, CREDENTIAL, "us-east-1");
    }

    private static S3Proxy startProxy(BlobStore store, boolean anonymous, String virtualHost) throws IOException {
        S3Proxy.Builder builder = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(anonymous ? AuthenticationType.NONE : AuthenticationType.AWS_V2_OR_V4,
                        IDENTITY, CREDENTIAL)
                .ignoreUnknownHeaders(true)
                .jettyMaxThreads(200);
        if (virtualHost != null) {
            builder.virtualHost(virtualHost);
        }
        S3Proxy proxy = builder.build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("S3Proxy did not start: " + proxy.getState());
                }
                Thread.sleep(5);
            }
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("S3Proxy did not start", e);
        }
        return proxy;
    }

    /**
     * A second S3Proxy over the same objects that routes by host name as S3-compatible services
     * do: a request for {@code Host: BUCKET.domain} addresses BUCKET (virtual-hosted style), one
     * for {@code Host: domain} carries the bucket in its path. Returns {@code http://domain:PORT};
     * the caller makes {@code domain} and its bucket hosts resolve to 127.0.0.1 (for instance with
     * the JDK's {@code jdk.net.hosts.file}). Signed like {@link #start()}; embedded S3Proxy only.
     */
    public URI virtualHostEndpoint(String domain) throws IOException {
        if (proxy == null) {
            throw new IllegalStateException("virtual hosts need the embedded S3Proxy");
        }
        S3Proxy virtual = startProxy(store, false, domain);
        virtualHostProxies.add(virtual);
        return URI.create("http://" + domain + ":" + virtual.getPort());
    }

    /** The endpoint URI (path-style addressing). */
    public URI endpoint() {
        return endpoint;
    }

    /** Access key id accepted by the endpoint. */
    public String accessKey() {
        return accessKey;
    }

    /** Secret access key accepted by the endpoint. */
    public String secretKey() {
        return secretKey;
    }

    /** The region to sign for. */
    public String region() {
        return region;
    }

    /** True when this is S3Proxy in this JVM (objects can be placed on its disk directly). */
    public boolean embedded() {
        return proxy != null;
    }

    /** A client for setting up test data (path-style, SigV4). */
    public S3Client admin() {
        return admin;
    }

    /** Creates a bucket (no error if it exists). */
    public void createBucket(String bucket) {
        try {
            admin.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // Already there: fine.
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() != 409) {
                throw e;
            }
        }
    }

    /** Uploads bytes with PutObject. */
    public void put(String bucket, String key, byte[] bytes) {
        admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromBytes(bytes));
    }

    /** Uploads a file with PutObject. */
    public void put(String bucket, String key, Path file) {
        admin.putObject(b -> b.bucket(bucket).key(key), RequestBody.fromFile(file));
    }

    /**
     * Writes a generated FITS file straight into S3Proxy's store as a sparse file, so that a 44 GB
     * cube costs a few KB. S3Proxy takes an object's ETag from the {@code user.content-md5}
     * extended attribute; this sets it to the MD5 of the headers and the size (an opaque ETag,
     * since hashing 44 GB of zeros would defeat the point). Embedded S3Proxy only.
     */
    public long placeSparse(String bucket, String key, List<HduSpec> hdus) throws IOException {
        if (proxy == null) {
            throw new IllegalStateException("sparse placement needs the embedded S3Proxy");
        }
        Path file = baseDir.resolve(bucket).resolve(key);
        long size = SparseFitsWriter.write(file, hdus);
        MessageDigest md5 = md5();
        for (HduSpec hdu : hdus) {
            md5.update(hdu.header());
        }
        md5.update(Long.toString(size).getBytes(StandardCharsets.US_ASCII));
        UserDefinedFileAttributeView view = Files.getFileAttributeView(file, UserDefinedFileAttributeView.class);
        view.write("user.content-md5", ByteBuffer.wrap(md5.digest()));
        return size;
    }

    @Override
    public void close() {
        admin.close();
        for (S3Proxy virtual : virtualHostProxies) {
            try {
                virtual.stop();
            } catch (Exception e) {
                // Stopping a test server: nothing useful to do with a failure.
            }
        }
        if (proxy != null) {
            try {
                proxy.stop();
            } catch (Exception e) {
                // Stopping a test server: nothing useful to do with a failure.
            }
            deleteTree(baseDir);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temporary directory left behind is harmless.
        }
    }
}
