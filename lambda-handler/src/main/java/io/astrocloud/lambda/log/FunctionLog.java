package io.astrocloud.lambda.log;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogFormat;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * Writes the function's log lines to a {@link LambdaLogger} (the invocation's, or the runtime's for
 * code that has no invocation at hand), one call per line so that each is one CloudWatch log event
 * with its level. In JSON format a line is one JSON object with the keys Lambda's own JSON logs use
 * ({@code timestamp}, {@code level}, {@code message}, {@code AWSRequestId}), the logger's name, any
 * fields given, and an exception's {@code errorType}, {@code errorMessage} and {@code stackTrace};
 * in text format it is {@code LEVEL logger - message}. Every line passes the {@link CredentialMask}.
 */
public final class FunctionLog {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static volatile FunctionLog process;

    private final LogSettings settings;
    private final CredentialMask mask;

    /**
     * @param settings format and level
     * @param mask     what to hide
     */
    public FunctionLog(LogSettings settings, CredentialMask mask) {
        this.settings = settings;
        this.mask = mask;
    }

    /** The log of this process, configured from its environment. */
    public static FunctionLog ofProcess() {
        FunctionLog p = process;
        if (p == null) {
            p = new FunctionLog(LogSettings.fromEnvironment(), CredentialMask.from(System::getenv));
            process = p;
        }
        return p;
    }

    /** Format and level. */
    public LogSettings settings() {
        return settings;
    }

    /** Whether events of {@code level} are written. */
    public boolean enabled(LogLevel level) {
        return settings.enabled(level);
    }

    /** A line without fields, to the runtime's logger (stdout outside Lambda). */
    public void write(LogLevel level, String logger, String message, Throwable error) {
        write(LambdaRuntime.getLogger(), level, logger, message, Map.of(), error, null);
    }

    /**
     * One line.
     *
     * @param to        where (an invocation's logger, or {@link LambdaRuntime#getLogger()})
     * @param level     its level; nothing is written below the configured one
     * @param logger    the logger's name
     * @param message   what happened
     * @param fields    further keys of the JSON object (not shown in text format)
     * @param error     an exception, or null
     * @param requestId the invocation's request id, or null
     */
    public void write(LambdaLogger to, LogLevel level, String logger, String message, Map<String, ?> fields,
                      Throwable error, String requestId) {
        if (!enabled(level)) {
            return;
        }
        String line = settings.format() == LogFormat.JSON
                ? json(level, logger, message, fields, error, requestId)
                : mask.apply(text(level, logger, message, error));
        to.log((line + "\n").getBytes(StandardCharsets.UTF_8), level);
    }

    /**
     * One outcome line whose text is {@code message} alone, as the handlers have always logged it
     * (text format), or a JSON object with {@code fields} (JSON format).
     */
    public void writeOutcome(LambdaLogger to, LogLevel level, String logger, String message, Map<String, ?> fields,
                             String requestId) {
        if (!enabled(level)) {
            return;
        }
        if (settings.format() == LogFormat.JSON) {
            to.log((json(level, logger, message, fields, null, requestId) + "\n").getBytes(StandardCharsets.UTF_8),
                    level);
        } else {
            to.log(mask.apply(message), level);
        }
    }

    /** The JSON line; every text in it masked before it is encoded (so a mask never spans an escape). */
    private String json(LogLevel level, String logger, String message, Map<String, ?> fields,
                               Throwable error, String requestId) {
        ObjectNode o = JSON.createObjectNode();
        o.put("timestamp", TIMESTAMP.format(Instant.now()));
        o.put("level", level.name());
        o.put("logger", logger);
        o.put("message", mask.apply(message));
        if (requestId != null) {
            o.put("AWSRequestId", requestId);
        }
        fields.forEach((k, v) -> o.set(k, v instanceof String ? JSON.valueToTree(mask.apply((String) v))
                : JSON.valueToTree(v)));
        if (error != null) {
            o.put("errorType", error.getClass().getName());
            o.put("errorMessage", mask.apply(error.getMessage()));
            o.put("stackTrace", mask.apply(stackTrace(error)));
        }
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            return "{\"level\":\"ERROR\",\"message\":\"unloggable event from " + logger + "\"}";
        }
    }

    private static String text(LogLevel level, String logger, String message, Throwable error) {
        String line = level.name() + " " + logger + " - " + message;
        return error == null ? line : line + "\n" + stackTrace(error);
    }

    private static String stackTrace(Throwable error) {
        StringWriter s = new StringWriter();
        error.printStackTrace(new PrintWriter(s));
        return s.toString().stripTrailing();
    }
}
