package io.astrocloud.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import io.astrocloud.index.IndexOutcome;
import io.astrocloud.index.Indexer;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.lambda.log.FunctionLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line per event in the function's log: what was done to which object, or why it failed. In
 * text format the line is the outcome as it reads ({@code INDEXED s3://... (3 HDUs): 1 requests, 14400
 * bytes read}); in JSON format (template.yaml's) it is one JSON object holding that {@code message},
 * its level (INFO; WARN for an invalid file; ERROR for a failure) and the outcome's fields
 * ({@code object}, {@code version}, {@code outcome}, {@code hdus}, {@code requests}, {@code bytes},
 * {@code ms}), and it is also a CloudWatch Embedded Metric Format document: CloudWatch takes the
 * {@link #METRICS} out of it, per function, with no API call from the function. Only event contents
 * and outcomes are logged, never settings, clients or credentials.
 */
final class EventLog {
    /** The metric namespace. */
    static final String NAMESPACE = "AstroCloud/Indexer";
    /** Objects indexed, found invalid, failed (to be retried or dead-lettered), bytes read from S3. */
    static final List<String> METRICS = List.of("ObjectsIndexed", "ObjectsInvalid", "ObjectsFailed", "BytesRead");
    private static final String LOGGER = EventLog.class.getName();

    private final LambdaLogger logger;
    private final FunctionLog log;
    private final String requestId;
    private final String functionName;

    EventLog(LambdaLogger logger, FunctionLog log, String requestId, String functionName) {
        this.logger = logger;
        this.log = log;
        this.requestId = requestId;
        this.functionName = functionName;
    }

    static EventLog of(Context context) {
        FunctionLog log = FunctionLog.ofProcess();
        String fallbackName = System.getenv(LambdaSettings.FUNCTION_NAME_ENV);
        if (context != null && context.getLogger() != null) {
            return new EventLog(context.getLogger(), log, context.getAwsRequestId(),
                    context.getFunctionName() != null ? context.getFunctionName() : fallbackName);
        }
        return new EventLog(LambdaRuntime.getLogger(), log, null, fallbackName);
    }

    /** The outcome of {@code event}, applied in {@code nanos} nanoseconds. */
    void outcome(ObjectEvent event, IndexOutcome outcome, long nanos) {
        Map<String, Object> fields = fields(outcome.url(), event, outcome.result().name(), nanos);
        fields.put("hdus", outcome.hduCount());
        fields.put("requests", outcome.requests());
        fields.put("bytes", outcome.bytesRead());
        if (outcome.detail() != null && !outcome.detail().isEmpty()) {
            fields.put("detail", outcome.detail());
        }
        boolean invalid = outcome.result() == IndexOutcome.Result.INVALID;
        metrics(fields, outcome.result() == IndexOutcome.Result.INDEXED ? 1 : 0, invalid ? 1 : 0, 0,
                outcome.bytesRead());
        log.writeOutcome(logger, invalid ? LogLevel.WARN : LogLevel.INFO, LOGGER, outcome.toString(), fields,
                requestId);
    }

    /** A failure of {@code what} (an event, or a message that held none), with its event if known. */
    void failure(String what, ObjectEvent event, Exception e, long nanos) {
        Map<String, Object> fields = fields(event != null ? event.objectUrl() : null, event, "FAILED", nanos);
        fields.put("error", e.getMessage());
        if (e instanceof IndexingException) {
            fields.put("retryable", ((IndexingException) e).retryable());
        }
        metrics(fields, 0, 0, 1, 0);
        log.writeOutcome(logger, LogLevel.ERROR, LOGGER, "FAILED " + what + ": " + e.getMessage(), fields, requestId);
    }

    private static Map<String, Object> fields(String url, ObjectEvent event, String outcome, long nanos) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("object", url);
        f.put("version", event == null ? null : event.versionId());
        f.put("etag", event == null ? null : event.etag());
        f.put("outcome", outcome);
        f.put("ms", nanos / 1_000_000);
        return f;
    }

    /** The EMF keys: {@code _aws} describes the metrics, whose values are top-level keys of the same line. */
    private void metrics(Map<String, Object> fields, int indexed, int invalid, int failed, long bytes) {
        String dimension = functionName != null ? functionName : "local";
        fields.put("FunctionName", dimension);
        fields.put("ObjectsIndexed", indexed);
        fields.put("ObjectsInvalid", invalid);
        fields.put("ObjectsFailed", failed);
        fields.put("BytesRead", bytes);
        fields.put("_aws", Map.of(
                "Timestamp", System.currentTimeMillis(),
                "CloudWatchMetrics", List.of(Map.of(
                        "Namespace", NAMESPACE,
                        "Dimensions", List.of(List.of("FunctionName")),
                        "Metrics", List.of(
                                Map.of("Name", "ObjectsIndexed", "Unit", "Count"),
                                Map.of("Name", "ObjectsInvalid", "Unit", "Count"),
                                Map.of("Name", "ObjectsFailed", "Unit", "Count"),
                                Map.of("Name", "BytesRead", "Unit", "Bytes"))))));
    }
}
