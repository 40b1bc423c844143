package io.astrocloud.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.astrocloud.index.IndexOutcome;
import io.astrocloud.index.IndexingException;
import io.astrocloud.index.ObjectEvent;
import io.astrocloud.index.Sequencer;
import io.astrocloud.lambda.log.CredentialMask;
import io.astrocloud.lambda.log.FunctionLog;
import io.astrocloud.lambda.log.LogSettings;
import io.astrocloud.lambda.log.Slf4jProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/**
 * The function's log lines, captured as the Lambda runtime's logger receives them: in JSON format one
 * parseable object per line with Lambda's keys and its level, the outcome lines also valid CloudWatch
 * Embedded Metric Format documents; text format as the handlers always wrote it; levels below the
 * configured one dropped; the libraries' SLF4J logging written the same way; credentials masked.
 */
class FunctionLogTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectEvent EVENT = ObjectEvent.created("fits-archive", "night 1/m31.fits",
            "3HL4kqtJlcpXroDTDmJ", 2880 * 3, "913b33ea40861323cbf0eaf2e40d180d", Sequencer.of("0065A1B2C3D4E5F601"));
    private static final IndexOutcome INDEXED = new IndexOutcome(IndexOutcome.Result.INDEXED,
            "s3://fits-archive/night 1/m31.fits", 3, "1 requests, 14400 bytes read", 1, 14400);

    /** Lines and levels as a LambdaLogger gets them. */
    static final class Captured implements LambdaLogger {
        final List<String> lines = new ArrayList<>();
        final List<LogLevel> levels = new ArrayList<>();

        @Override
        public void log(String message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(byte[] message) {
            log(message, LogLevel.UNDEFINED);
        }

        @Override
        public void log(String message, LogLevel level) {
            lines.add(message);
            levels.add(level);
        }

        @Override
        public void log(byte[] message, LogLevel level) {
            log(new String(message, StandardCharsets.UTF_8), level);
        }

        JsonNode json(int i) throws IOException {
            assertThat(lines.get(i)).endsWith("\n").doesNotContain("\n{");
            return JSON.readTree(lines.get(i));
        }
    }

    private static FunctionLog json(LogLevel minimum) {
        return new FunctionLog(new LogSettings(LogFormat.JSON, minimum), CredentialMask.from(n -> null));
    }

    @Test
    void anOutcomeIsOneJsonLineWithItsFieldsAndLevel() throws IOException {
        Captured out = new Captured();
        new EventLog(out, json(LogLevel.INFO), "req-1", "astrocloud-IndexFunction")
                .outcome(EVENT, INDEXED, 42_000_000L);
        JsonNode line = out.json(0);
        assertThat(out.levels).containsExactly(LogLevel.INFO);
        assertThat(line.path("level").asText()).isEqualTo("INFO");
        assertThat(line.path("timestamp").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
        assertThat(line.path("message").asText()).isEqualTo("INDEXED s3://fits-archive/night 1/m31.fits (3 HDUs): "
                + "1 requests, 14400 bytes read");
        assertThat(line.path("AWSRequestId").asText()).isEqualTo("req-1");
        assertThat(line.path("object").asText()).isEqualTo("s3://fits-archive/night 1/m31.fits");
        assertThat(line.path("version").asText()).isEqualTo("3HL4kqtJlcpXroDTDmJ");
        assertThat(line.path("outcome").asText()).isEqualTo("INDEXED");
        assertThat(line.path("hdus").asInt()).isEqualTo(3);
        assertThat(line.path("requests").isNumber()).isTrue();
        assertThat(line.path("bytes").asLong()).isEqualTo(14400);
        assertThat(line.path("ms").asLong()).isEqualTo(42);
    }

    @Test
    void anOutcomeLineIsAnEmbeddedMetricFormatDocument() throws IOException {
        Captured out = new Captured();
        new EventLog(out, json(LogLevel.INFO), "req-1", "astrocloud-IndexFunction").outcome(EVENT, INDEXED, 1);
        JsonNode line = out.json(0);
        // The EMF specification: _aws.Timestamp (epoch ms) and CloudWatchMetrics directives whose
        // dimension and metric names are top-level members of the same object, metric values numbers.
        JsonNode aws = line.path("_aws");
        assertThat(aws.path("Timestamp").isIntegralNumber()).isTrue();
        assertThat(aws.path("Timestamp").asLong()).isCloseTo(System.currentTimeMillis(),
                org.assertj.core.data.Offset.offset(60_000L));
        JsonNode directive = aws.path("CloudWatchMetrics").get(0);
        assertThat(directive.path("Namespace").asText()).isEqualTo(EventLog.NAMESPACE);
        for (JsonNode set : directive.path("Dimensions")) {
            for (JsonNode d : set) {
                assertThat(line.path(d.asText()).isTextual()).as("dimension %s", d).isTrue();
            }
        }
        List<String> names = new ArrayList<>();
        for (JsonNode m : directive.path("Metrics")) {
            names.add(m.path("Name").asText());
            assertThat(line.path(m.path("Name").asText()).isNumber()).as("metric %s", m).isTrue();
            assertThat(m.path("Unit").asText()).isIn("Count", "Bytes");
        }
        assertThat(names).containsExactlyElementsOf(EventLog.METRICS);
        assertThat(line.path("FunctionName").asText()).isEqualTo("astrocloud-IndexFunction");
        assertThat(line.path("ObjectsIndexed").asInt()).isEqualTo(1);
        assertThat(line.path("ObjectsInvalid").asInt()).isZero();
        assertThat(line.path("BytesRead").asLong()).isEqualTo(14400);
    }

    @Test
    void invalidFilesWarnAndFailuresAreErrorsCountedAsFailed() throws IOException {
        Captured out = new Captured();
        EventLog log = new EventLog(out, json(LogLevel.INFO), null, "fn");
        log.outcome(EVENT, new IndexOutcome(IndexOutcome.Result.INVALID, "s3://fits-archive/night 1/m31.fits", 0,
                "invalid FITS: no SIMPLE card"), 5);
        log.failure("ObjectCreated:Put s3://fits-archive/night 1/m31.fits", EVENT,
                new IndexingException("DynamoDB table t failed: ThrottlingException", true, null), 7);
        assertThat(out.levels).containsExactly(LogLevel.WARN, LogLevel.ERROR);
        assertThat(out.json(0).path("level").asText()).isEqualTo("WARN");
        assertThat(out.json(0).path("ObjectsInvalid").asInt()).isEqualTo(1);
        JsonNode failed = out.json(1);
        assertThat(failed.path("level").asText()).isEqualTo("ERROR");
        assertThat(failed.path("outcome").asText()).isEqualTo("FAILED");
        assertThat(failed.path("retryable").asBoolean()).isTrue();
        assertThat(failed.path("ObjectsFailed").asInt()).isEqualTo(1);
        assertThat(failed.path("message").asText())
                .startsWith("FAILED ObjectCreated:Put s3://fits-archive/night 1/m31.fits: ");
    }

    @Test
    void textFormatKeepsTheOutcomeAsItReads() {
        Captured out = new Captured();
        FunctionLog text = new FunctionLog(new LogSettings(LogFormat.TEXT, LogLevel.INFO),
                CredentialMask.from(n -> null));
        new EventLog(out, text, "req-1", "fn").outcome(EVENT, INDEXED, 1);
        assertThat(out.lines).containsExactly("INDEXED s3://fits-archive/night 1/m31.fits (3 HDUs): 1 requests, "
                + "14400 bytes read");
        assertThat(out.levels).containsExactly(LogLevel.INFO);
    }

    @Test
    void levelsBelowTheConfiguredOneAreDropped() {
        Captured out = new Captured();
        FunctionLog warnOnly = json(LogLevel.WARN);
        new EventLog(out, warnOnly, null, "fn").outcome(EVENT, INDEXED, 1);
        warnOnly.write(out, LogLevel.DEBUG, "software.amazon.awssdk.request", "Sending Request", Map.of(), null, null);
        warnOnly.write(out, LogLevel.WARN, "io.astrocloud.source.RetryingSource", "retrying", Map.of(), null, null);
        assertThat(out.levels).containsExactly(LogLevel.WARN);
        assertThat(LogSettings.from(n -> n.equals(LogSettings.LEVEL_ENV) ? "debug" : "JSON"))
                .isEqualTo(new LogSettings(LogFormat.JSON, LogLevel.DEBUG));
        assertThat(LogSettings.from(n -> null)).isEqualTo(new LogSettings(LogFormat.TEXT, LogLevel.INFO));
    }

    @Test
    void libraryLoggingThroughSlf4jBecomesJsonLinesWithLevelAndException() throws IOException {
        // The provider writes to the Lambda runtime's logger, which prints to stdout outside Lambda.
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Logger core;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            core = new Slf4jProvider().getLoggerFactory().getLogger("io.astrocloud.source.RetryingSource");
            core.warn("retrying {} after {} (attempt {} of {})", "s3://fits-archive/m31.fits", "503 SlowDown", 2, 5,
                    new java.io.IOException("SlowDown"));
            core.debug("not written at INFO");
            core.atInfo().addKeyValue("attempts", 2).log("read {}", "s3://fits-archive/m31.fits");
        } finally {
            System.setOut(stdout);
        }
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n(?=(TRACE|DEBUG|INFO|WARN|ERROR) )");
        // Outside Lambda the format is text unless AWS_LAMBDA_LOG_FORMAT says JSON; the surefire JVM has
        // neither variable, so check the text form here and the JSON form through FunctionLog below.
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("WARN io.astrocloud.source.RetryingSource - retrying "
                + "s3://fits-archive/m31.fits after 503 SlowDown (attempt 2 of 5)")
                .contains("java.io.IOException: SlowDown");
        assertThat(lines[1]).startsWith("INFO io.astrocloud.source.RetryingSource - read s3://fits-archive/m31.fits");

        Captured out = new Captured();
        json(LogLevel.INFO).write(out, LogLevel.WARN, "io.astrocloud.source.RetryingSource", "retrying",
                Map.of("attempt", 2), new java.io.IOException("SlowDown"), null);
        JsonNode warn = out.json(0);
        assertThat(warn.path("level").asText()).isEqualTo("WARN");
        assertThat(warn.path("logger").asText()).isEqualTo("io.astrocloud.source.RetryingSource");
        assertThat(warn.path("attempt").asInt()).isEqualTo(2);
        assertThat(warn.path("errorType").asText()).isEqualTo("java.io.IOException");
        assertThat(warn.path("stackTrace").asText()).contains("FunctionLogTest");
    }

    @Test
    void theFunctionsCredentialsAreMaskedWhereverALibraryPrintsThem() {
        String secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
        String token = "IQoJb3JpZ2luX2VjEPlanted//////////wEaCXVzLWVhc3QtMSJHMEUCIQ";
        CredentialMask mask = CredentialMask.from(n -> n.equals("AWS_SECRET_ACCESS_KEY") ? secret
                : n.equals("AWS_SESSION_TOKEN") ? token : null);
        Captured out = new Captured();
        FunctionLog log = new FunctionLog(new LogSettings(LogFormat.JSON, LogLevel.DEBUG), mask);
        log.write(out, LogLevel.DEBUG, "software.amazon.awssdk.auth.signer", "AWS4 Canonical Request: GET\n/\n\n"
                + "host:s3.amazonaws.com\nx-amz-security-token:" + token + "\n", Map.of(), null, null);
        log.write(out, LogLevel.DEBUG, "test", "secret " + secret + " and a presigned "
                + "https://b.s3.amazonaws.com/k?X-Amz-Security-Token=FwoGZXIvYXdzEBYaDOTHER&X-Amz-Signature=abc123def",
                Map.of(), null, null);
        assertThat(String.join("", out.lines)).doesNotContain(secret).doesNotContain(token)
                .doesNotContain("FwoGZXIvYXdzEBYaDOTHER").doesNotContain("abc123def").contains(CredentialMask.MASK);
    }
}
