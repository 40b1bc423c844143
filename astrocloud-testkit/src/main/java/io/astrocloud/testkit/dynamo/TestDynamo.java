package io.astrocloud.testkit.dynamo;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * A DynamoDB endpoint for tests: DynamoDB Local in this JVM, in memory, serving the real
 * DynamoDB HTTP protocol on a free loopback port; or an external endpoint such as LocalStack when
 * {@value #ENDPOINT_ENV} is set (with {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_REGION}). DynamoDB Local is an optional dependency of the test kit: a module that
 * uses this class adds {@code software.amazon.dynamodb:DynamoDBLocal} in test scope. Its first
 * start in a JVM takes a few seconds; share one instance per test class or suite.
 */
public final class TestDynamo implements AutoCloseable {
    /** Environment variable naming an external DynamoDB endpoint to use instead of DynamoDB Local. */
    public static final String ENDPOINT_ENV = "ASTROCLOUD_TEST_DYNAMODB_ENDPOINT";

    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final String accessKey;
    private final String secretKey;
    private final String region;

    private TestDynamo(DynamoDBProxyServer server, URI endpoint, String accessKey, String secretKey, String region) {
        this.server = server;
        this.endpoint = endpoint;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.region = region;
    }

    /** Starts DynamoDB Local in memory, or connects to the endpoint named by {@value #ENDPOINT_ENV}. */
    public static TestDynamo start() throws IOException {
        String external = System.getenv(ENDPOINT_ENV);
        if (external != null && !external.isBlank()) {
            return new TestDynamo(null, URI.create(external), envOr("AWS_ACCESS_KEY_ID", "test"),
                    envOr("AWS_SECRET_ACCESS_KEY", "test"), envOr("AWS_REGION", "us-east-1"));
        }
        int port = freePort();
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", Integer.toString(port)});
            server.start();
            return new TestDynamo(server, URI.create("http://127.0.0.1:" + port), "astrocloudtest",
                    "astrocloudtestsecret", "us-east-1");
        } catch (Exception e) {
            throw new IOException("DynamoDB Local did not start on port " + port, e);
        }
    }

    /** The endpoint URI. */
    public URI endpoint() {
        return endpoint;
    }

    /** The region to sign for. */
    public String region() {
        return region;
    }

    /** Access key id accepted by the endpoint (DynamoDB Local takes letters and digits only). */
    public String accessKey() {
        return accessKey;
    }

    /** Secret access key accepted by the endpoint. */
    public String secretKey() {
        return secretKey;
    }

    /** True when this is DynamoDB Local in this JVM. */
    public boolean embedded() {
        return server != null;
    }

    /**
     * Points {@code builder} at this endpoint, with its region and credentials. The builder comes from
     * the caller, with its HTTP client and retries ({@code DynamoDbClients.builder().applyMutation(dynamo::configure)}
     * builds a client as the index builds them); the caller builds and closes the client.
     */
    public void configure(DynamoDbClientBuilder builder) {
        builder.endpointOverride(endpoint)
                .region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                // Stopping a test server: nothing useful to do with a failure.
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
