package io.astrocloud.testkit.aws;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Injects service errors into an AWS SDK v2 client: registered as an {@link ExecutionInterceptor}
 * ({@code overrideConfiguration(c -> c.addExecutionInterceptor(faults))}), it replaces the HTTP
 * answer of chosen operations with an error the service really sends (DynamoDB throttling, S3
 * 503 SlowDown, 500 InternalError), so that the SDK's error parsing, retry strategy and the
 * caller's handling all run as in production. The request itself did reach the server and may
 * have been applied there: harsher than a real throttle (which applies nothing) and like a real
 * 5xx (which may or may not have). Thread-safe.
 */
public final class SdkFaults implements ExecutionInterceptor {
    private static final ExecutionAttribute<Fault> INJECTED = new ExecutionAttribute<>("astrocloud.injected-fault");

    private final Map<String, Plan> plans = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    /** An error answer: HTTP status, content type and body, as the service sends them. */
    public record Fault(int status, String contentType, String body) {
        /** DynamoDB's ProvisionedThroughputExceededException (HTTP 400, a throttling error). */
        public static Fault dynamoDbThrottling() {
            return new Fault(400, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException\","
                            + "\"message\":\"The level of configured provisioned throughput for the table was exceeded "
                            + "(injected)\"}");
        }

        /** DynamoDB's InternalServerError (HTTP 500). */
        public static Fault dynamoDbInternalError() {
            return new Fault(500, "application/x-amz-json-1.0",
                    "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\","
                            + "\"message\":\"Internal server error (injected)\"}");
        }

        /** S3's 503 SlowDown. */
        public static Fault s3SlowDown() {
            return s3(503, "SlowDown", "Please reduce your request rate. (injected)");
        }

        /** S3's 500 InternalError. */
        public static Fault s3InternalError() {
            return s3(500, "InternalError", "We encountered an internal error. Please try again. (injected)");
        }

        private static Fault s3(int status, String code, String message) {
            return new Fault(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                    + code + "</Code><Message>" + message + "</Message><RequestId>INJECTED</RequestId></Error>");
        }
    }

    /** Which attempts of an operation fail. */
    private static final class Plan {
        final Fault fault;
        final AtomicInteger remaining;
        final int every;

        Plan(Fault fault, int times, int every) {
            this.fault = fault;
            this.remaining = new AtomicInteger(times);
            this.every = every;
        }
    }

    /** The next {@code times} attempts of {@code operation} (PutItem, GetObject, ...) get {@code fault}. */
    public SdkFaults failNext(String operation, int times, Fault fault) {
        plans.put(operation, new Plan(fault, times, 0));
        return this;
    }

    /**
     * Every {@code every}-th attempt of {@code operation}, counted from now, gets {@code fault},
     * until {@link #clear()}: a steady rate of failures that retries mostly get through.
     */
    public SdkFaults failEvery(String operation, int every, Fault fault) {
        attempts.computeIfAbsent(operation, k -> new AtomicInteger()).set(0);
        plans.put(operation, new Plan(fault, Integer.MAX_VALUE, every));
        return this;
    }

    /** Stops injecting. */
    public SdkFaults clear() {
        plans.clear();
        return this;
    }

    /** Faults injected so far into {@code operation}. */
    public int injected(String operation) {
        AtomicInteger n = injected.get(operation);
        return n == null ? 0 : n.get();
    }

    @Override
    public SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context, ExecutionAttributes attributes) {
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        Fault fault = decide(operation);
        attributes.putAttribute(INJECTED, fault);
        if (fault == null) {
            return context.httpResponse();
        }
        injected.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
        byte[] body = fault.body().getBytes(StandardCharsets.UTF_8);
        return SdkHttpResponse.builder()
                .statusCode(fault.status())
                .putHeader("Content-Type", fault.contentType())
                .putHeader("Content-Length", Integer.toString(body.length))
                .putHeader("x-amzn-RequestId", "INJECTED")
                .build();
    }

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        Fault fault = attributes.getAttribute(INJECTED);
        if (fault == null) {
            return context.responseBody();
        }
        context.responseBody().ifPresent(SdkFaults::closeQuietly);
        return Optional.of(new ByteArrayInputStream(fault.body().getBytes(StandardCharsets.UTF_8)));
    }

    private Fault decide(String operation) {
        Plan plan = operation == null ? null : plans.get(operation);
        if (plan == null) {
            return null;
        }
        if (plan.every > 0) {
            int n = attempts.computeIfAbsent(operation, k -> new AtomicInteger()).incrementAndGet();
            return n % plan.every == 0 ? plan.fault : null;
        }
        return plan.remaining.getAndUpdate(r -> Math.max(0, r - 1)) > 0 ? plan.fault : null;
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // The replaced answer's body: nothing to do.
        }
    }
}
