package io.astrocloud.lambda.log;

import com.amazonaws.services.lambda.runtime.LambdaRuntime;
import com.amazonaws.services.lambda.runtime.logging.LogLevel;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import org.slf4j.spi.LoggingEventAware;

/** One named SLF4J logger writing to the function's log (key-value pairs become JSON fields). */
final class Slf4jLogger extends LegacyAbstractLogger implements LoggingEventAware {
    private static final long serialVersionUID = 1L;
    private final transient FunctionLog log;

    Slf4jLogger(String name, FunctionLog log) {
        this.name = name;
        this.log = log;
    }

    @Override
    public boolean isTraceEnabled() {
        return log.enabled(LogLevel.TRACE);
    }

    @Override
    public boolean isDebugEnabled() {
        return log.enabled(LogLevel.DEBUG);
    }

    @Override
    public boolean isInfoEnabled() {
        return log.enabled(LogLevel.INFO);
    }

    @Override
    public boolean isWarnEnabled() {
        return log.enabled(LogLevel.WARN);
    }

    @Override
    public boolean isErrorEnabled() {
        return log.enabled(LogLevel.ERROR);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments,
                                               Throwable throwable) {
        log.write(LambdaRuntime.getLogger(), lambdaLevel(level), name,
                MessageFormatter.basicArrayFormat(pattern, arguments), Map.of(), throwable, null);
    }

    @Override
    public void log(LoggingEvent event) {
        Map<String, Object> fields = new LinkedHashMap<>();
        if (event.getKeyValuePairs() != null) {
            for (KeyValuePair kv : event.getKeyValuePairs()) {
                fields.put(kv.key, kv.value);
            }
        }
        Object[] args = event.getArgumentArray();
        log.write(LambdaRuntime.getLogger(), lambdaLevel(event.getLevel()), name,
                MessageFormatter.basicArrayFormat(event.getMessage(), args), fields, event.getThrowable(), null);
    }

    private static LogLevel lambdaLevel(Level level) {
        switch (level) {
            case ERROR:
                return LogLevel.ERROR;
            case WARN:
                return LogLevel.WARN;
            case INFO:
                return LogLevel.INFO;
            case DEBUG:
                return LogLevel.DEBUG;
            default:
                return LogLevel.TRACE;
        }
    }
}
